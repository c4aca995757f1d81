import { cpSync, createReadStream, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const rendererDir = fileURLToPath(new URL('./renderer/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer/', import.meta.url));

// The dev server forwards /api to a locally running hub (`npm run hub`), so the
// renderer is developed against the real core instead of a mock.
const devApi = process.env.KAMILESS_DEV_API ?? 'http://127.0.0.1:4317';

// pdf.js fetches these by URL at run time (Japanese PDFs need the CMaps, PDFs
// without embedded fonts the standard fonts, JPEG 2000 / JBIG2 scans the wasm
// decoders); the desktop app and an offline hub serve them from the build as
// /pdfjs/<folder>/. The JavaScript sandbox (quickjs) is not copied: scripting stays off.
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const pdfjsFolders = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];
const pdfjsWanted = (path: string) => !/quickjs/i.test(path);

function pdfjsAssets(): Plugin {
  return {
    name: 'kamiless-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const file = join(pdfjsDir, decodeURIComponent((req.url ?? '').split('?')[0] ?? ''));
        const [folder] = relative(pdfjsDir, file).split(sep);
        const ok = folder !== undefined && pdfjsFolders.includes(folder) && pdfjsWanted(file) && statSync(file, { throwIfNoEntry: false })?.isFile();
        if (!ok) return next();
        res.setHeader('content-type', file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      for (const folder of pdfjsFolders) {
        cpSync(join(pdfjsDir, folder), join(outDir, 'pdfjs', folder), { recursive: true, filter: pdfjsWanted });
      }
    },
  };
}

// Vite demands a default export here.
export default defineConfig({
  root: rendererDir,
  base: '/',
  plugins: [react(), pdfjsAssets()],
  // Point PostCSS at renderer/ explicitly so postcss-preset-mantine is found
  // no matter which directory Vite is started from.
  css: { postcss: rendererDir },
  build: {
    outDir,
    emptyOutDir: true,
    // Mantine, React and the charts together exceed Vite's 500 kB hint; the
    // bundle is loaded from disk (desktop) or once per session (hub).
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      // renderer/api/*.ts are modules served by Vite under the same /api/
      // prefix in dev; API routes never end in a source extension.
      '^/api/(?!.*\\.(?:tsx?|jsx?|css)(?:\\?|$))': { target: devApi, changeOrigin: false },
    },
  },
});
