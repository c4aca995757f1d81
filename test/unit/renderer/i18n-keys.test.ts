import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en.js';
import { ja } from '../../../renderer/i18n/ja.js';

const rendererDir = fileURLToPath(new URL('../../../renderer/', import.meta.url));
const catalogueFiles = new Set(['i18n/ja.ts', 'i18n/en.ts']);
const isCatalogue = (file: string): boolean => catalogueFiles.has(file) || file.startsWith('i18n/catalogue/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const sources = sourceFiles(rendererDir)
  .map((path) => ({ file: relative(rendererDir, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }))
  .filter(({ file }) => !isCatalogue(file));

/** t('key') and t("key"), also as i18next.t(…). */
const literalCall = /\bt\(\s*(['"])([^'"\n]+)\1/g;
/** t( followed by anything but a string literal: a key the scan could not see. */
const dynamicCall = /\bt\(\s*(?!['"\s)])/g;

const used = new Map<string, string[]>();
for (const { file, text } of sources) {
  for (const match of text.matchAll(literalCall)) {
    const key = match[2] ?? '';
    used.set(key, [...(used.get(key) ?? []), file]);
  }
}

const jaKeys = Object.keys(ja).sort();
const enKeys = Object.keys(en).sort();

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translation catalogues', () => {
  it('finds the renderer sources', () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(used.size).toBeGreaterThan(50);
  });

  it('have the same keys in ja and en', () => {
    expect(enKeys.filter((k) => !jaKeys.includes(k))).toEqual([]);
    expect(jaKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('use the same placeholders in ja and en', () => {
    const mismatched = jaKeys.filter(
      (k) => placeholders(ja[k as keyof typeof ja]).join() !== placeholders(en[k as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('have no empty text', () => {
    expect(jaKeys.filter((k) => !ja[k as keyof typeof ja].trim())).toEqual([]);
    expect(enKeys.filter((k) => !en[k as keyof typeof en].trim())).toEqual([]);
  });

  it('contain every key used in the renderer', () => {
    const missing = [...used.keys()].filter((k) => !jaKeys.includes(k)).map((k) => `${k} (${used.get(k)?.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('contain no key that the renderer never uses', () => {
    expect(jaKeys.filter((k) => !used.has(k))).toEqual([]);
  });

  it('are only ever called with literal keys', () => {
    const dynamic = sources.flatMap(({ file, text }) =>
      [...text.matchAll(dynamicCall)].map((m) => `${file}:${text.slice(0, m.index).split('\n').length}`),
    );
    expect(dynamic).toEqual([]);
  });
});
