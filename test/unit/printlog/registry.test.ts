import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { FormatModule } from '../../../shared/domain/printlog/format.js';
import { formatLoaders } from '../../../shared/domain/printlog/format-loaders.js';
import { windows307 } from '../../../shared/domain/printlog/formats/windows-307.js';
import { detectFormat, formatByName, formats, pickFormat } from '../../../shared/domain/printlog/registry.js';
import { decodeBytes, fixtureHead, fixturesDir, loadExpected, readFixtureBytes, runParser, splitLines, summarize } from '../../helpers/printlog-fixtures.js';

/** Every log file in the fixtures folder: what an import could be pointed at. */
function fixtureLogFiles(): string[] {
  const root = fixturesDir();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
  return walk(root)
    .map((p) => relative(root, p).split('\\').join('/'))
    .filter((p) => p !== 'README.md' && p !== 'expected.json' && !p.endsWith('-mapping.json'))
    .sort();
}

const mappingFor = (file: string): unknown =>
  JSON.parse(readFileSync(join(fixturesDir(), file.startsWith('csv/counter') ? 'csv/counter-mapping.json' : 'csv/joblog-mapping.json'), 'utf8'));

describe('the registry', () => {
  it('lists all six formats once, in a fixed order', () => {
    expect(formats.map((f) => f.name)).toEqual(['papercut-logger', 'windows-307', 'cups', 'papercut-ng', 'csv', 'counter']);
  });

  it('finds a module by name', () => {
    for (const f of formats) expect(formatByName(f.name)).toBe(f);
    expect(formatByName('windows-307')).toBe(windows307);
    expect(formatByName('excel')).toBeUndefined();
  });

  it('marks exactly csv and counter as needing a mapping', () => {
    expect(formats.filter((f) => f.needsMapping).map((f) => f.name)).toEqual(['csv', 'counter']);
    for (const f of formats) expect(f.description.length).toBeGreaterThan(20);
  });
});

describe('detection over every fixture file', () => {
  const expected = loadExpected();
  const files = fixtureLogFiles();

  it('has an expectation for every log file in the folder', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', (file) => {
    const want = expected[file]?.format;
    const head = fixtureHead(file);
    const detected = detectFormat(head);
    if (want === 'csv' || want === 'counter') {
      expect(detected).toEqual({ format: null, reason: expect.stringContaining('mapping file (--mapping)') });
      expect(detectFormat(head, mappingFor(file))).toEqual({ format: want, confidence: 100, reason: `the mapping file says format '${want}'` });
    } else {
      expect(detected).toMatchObject({ format: want, reason: expect.any(String) });
      expect(detected.format === null ? 0 : detected.confidence).toBeGreaterThanOrEqual(80);
    }
  });

  it('explains the choice in the module’s words', () => {
    expect(detectFormat(fixtureHead('papercut-logger/daily/papercut-print-log-2024-04-02.csv')).reason).toMatch(/^line 1 starts with 'PaperCut Print Logger'/);
    expect(detectFormat(fixtureHead('windows-307/printservice-307.xml')).reason).toMatch(/^line 1 contains '<Event xmlns='/);
  });
});

describe('windows-307 re-saved as UTF-16LE with a BOM', () => {
  it('decodes, is detected and counts the same', () => {
    const text = decodeBytes(readFixtureBytes('windows-307/printservice-307.xml')).text;
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replace(/<Event /g, '\r\n<Event '), 'utf-16le')]));
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('utf-16le');
    const lines = splitLines(decoded.text);
    expect(lines.length).toBeGreaterThan(20);
    expect(detectFormat(lines.slice(0, 20))).toMatchObject({ format: 'windows-307' });
    const want = loadExpected()['windows-307/printservice-307.xml'];
    expect(summarize(runParser(windows307, lines))).toMatchObject({ jobs: want?.jobs, pages: want?.pages, sheets: want?.sheets, byFiscalYear: want?.byFiscalYear });
  });
});

describe('detectFormat', () => {
  it('picks the most confident module and names the others it considered', () => {
    const sure: FormatModule = { ...windows307, name: 'cups', detect: () => ({ confidence: 70, reason: 'seventy' }) };
    const unsure: FormatModule = { ...windows307, name: 'papercut-ng', detect: () => ({ confidence: 30, reason: 'thirty' }) };
    const mapped: FormatModule = { ...windows307, name: 'csv', needsMapping: true, detect: () => ({ confidence: 100, reason: 'never asked' }) };
    expect(pickFormat(['x'], [unsure, sure, mapped])).toEqual({ format: 'cups', confidence: 70, reason: 'seventy (also considered: papercut-ng 30)' });
    expect(pickFormat(['x'], [sure, unsure])).toEqual({ format: 'cups', confidence: 70, reason: 'seventy (also considered: papercut-ng 30)' });
  });

  it('says why nothing matched, and that csv and counter need a mapping', () => {
    expect(detectFormat([])).toEqual({ format: null, reason: expect.stringMatching(/^the file starts empty; .*never guessed: give their mapping file \(--mapping\)$/) });
    expect(detectFormat(['hello world'])).toEqual({ format: null, reason: expect.stringMatching(/^no known log format matches the first lines; /) });
  });

  it('lets a valid mapping decide, and reports an invalid one', () => {
    expect(detectFormat(['PaperCut Print Logger'], { format: 'counter', columns: { month: 1, department: 2, sheets: 3 } })).toMatchObject({ format: 'counter', confidence: 100 });
    expect(detectFormat(['a,b'], { format: 'csv', columns: { time: 1 } })).toEqual({ format: null, reason: 'the mapping file is not valid: columns.pages: required' });
  });
});

describe('format loaders', () => {
  it('load, for every format of the registry, that same module by its name', async () => {
    expect(Object.keys(formatLoaders).sort()).toEqual(formats.map((f) => f.name).sort());
    for (const module of formats) expect(await formatLoaders[module.name](), module.name).toBe(module);
  });
});
