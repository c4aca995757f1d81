// Copies the non-TypeScript files the core reads at run time (SQL migrations) next to the compiled code.
import { cpSync } from 'node:fs';

cpSync('electron/app/db/migrations', 'dist/electron/app/db/migrations', { recursive: true, filter: (src) => !src.endsWith('.ts') });
