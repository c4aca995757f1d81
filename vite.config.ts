import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererDir = fileURLToPath(new URL('./renderer/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer/', import.meta.url));

// The dev server forwards /api to a locally running hub (`npm run hub`), so the
// renderer is developed against the real core instead of a mock.
const devApi = process.env.KAMILESS_DEV_API ?? 'http://127.0.0.1:4317';

// Vite demands a default export here.
export default defineConfig({
  root: rendererDir,
  base: '/',
  plugins: [react()],
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
