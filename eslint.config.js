import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnly = {
  name: 'electron',
  message: "Only electron/main and electron/preload may import 'electron' (ARCHITECTURE.md).",
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'release/**', 'bin/**', 'scripts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Classic scripts served as they are (index.html loads them before the bundle).
    files: ['renderer/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    // shared/ runs anywhere: no Node, DOM-only, database, server or React imports.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, 'better-sqlite3', 'fastify', 'react', 'chokidar'].map((p) =>
          typeof p === 'string' ? { name: p, message: 'shared/ must stay free of Node, database, server and UI code.' } : p),
        patterns: [{ group: [...nodeBuiltins, '@fastify/*', 'react-*', '@mantine/*', '../../electron/*', '../../renderer/*'], message: 'shared/ must stay free of Node, DOM and app code.' }],
      }],
    },
  },
  {
    // The core is plain Node: never Electron, never the renderer.
    files: ['electron/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly],
        patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '../main/*', '../../main/*'], message: 'The core must not depend on the renderer or the Electron shell.' }],
      }],
    },
  },
  {
    // The renderer talks to the core over /api only.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnly, 'better-sqlite3', 'fastify'].map((p) =>
          typeof p === 'string' ? { name: p, message: 'The renderer reaches the core only through /api.' } : p),
        patterns: [{ group: [...nodeBuiltins, '**/electron/**'], message: 'The renderer reaches the core only through /api and native features only through window.kamiless.' }],
      }],
    },
  },
  {
    // The shell stays thin: it may not pull in the core (which runs in a utilityProcess).
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/app/**', '../app/*', 'better-sqlite3', 'fastify', '**/renderer/**'], message: 'Electron main/preload must not load the core or the renderer; the core runs in a utilityProcess.' }],
      }],
    },
  },
);
