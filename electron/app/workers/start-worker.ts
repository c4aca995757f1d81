import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread from a module of the core, given the URL of its
 * compiled `.js`. In the built app that file exists; from source (vitest,
 * `node --import tsx`) a worker cannot load TypeScript by itself (`--import
 * tsx` in a worker's execArgv is not honoured by Node 20), so a small
 * bootstrap loads the `.ts` beside it through tsx's API.
 */
export function startWorker(compiled: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData, ...(resourceLimits && { resourceLimits }) });
  const source = compiled.href.replace(/\.js$/, '.ts');
  // require.resolve finds the CommonJS build of tsx's API, whose tsImport cannot load ESM; its ESM build sits beside it.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}));`;
  return new Worker(bootstrap, { eval: true, workerData, ...(resourceLimits && { resourceLimits }) });
}
