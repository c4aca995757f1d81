#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/electron/app/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('kamiless: the app is not built yet; run `npm run build` (npm ci does it for you).');
  process.exit(1);
}
const { main } = await import(entry);
const code = await main(process.argv.slice(2));
// The hub's server keeps the process alive; every other command ends with this code.
process.exitCode = code;
