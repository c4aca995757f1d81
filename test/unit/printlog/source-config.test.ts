import { describe, expect, it } from 'vitest';
import { compileGlob, formatMappingConflict, parseSourceMapping, planSource, SourceConfigError } from '../../../electron/app/printlog/source-config.js';

const csvMapping = JSON.stringify({
  format: 'csv', encoding: 'Shift_JIS', headerRow: 1, timeFormat: 'yyyy/MM/dd HH:mm:ss', columns: { time: '日時', pages: 'ページ数' },
});

describe('source globs', () => {
  it('matches file names in the folder, and reaches into subfolders only when the glob says so', () => {
    const daily = compileGlob('papercut-print-log-*.csv', 'linux');
    expect(daily.depth).toBe(0);
    expect(daily.matches('papercut-print-log-2024-05-01.csv')).toBe(true);
    expect(daily.matches('papercut-print-log-2024-05-01.csv.bak')).toBe(false);
    expect(daily.matches('old/papercut-print-log-2024-05-01.csv')).toBe(false);

    const cups = compileGlob('page_log*', 'linux');
    expect(['page_log', 'page_log.1', 'page_log.2.gz'].every((f) => cups.matches(f))).toBe(true);
    expect(cups.matches('error_log')).toBe(false);

    expect(compileGlob('*/printlog_*.log', 'linux').depth).toBe(1);
    expect(compileGlob('**/printlog_*.log', 'linux').depth).toBeUndefined();
    expect(compileGlob('**/printlog_*.log', 'linux').matches('a/b/printlog_2024_05_01.log')).toBe(true);
  });

  it('ignores case on Windows only', () => {
    expect(compileGlob('PaperCut-*.CSV', 'win32').matches('papercut-1.csv')).toBe(true);
    expect(compileGlob('PaperCut-*.CSV', 'linux').matches('papercut-1.csv')).toBe(false);
  });

  it('refuses patterns that leave the folder or are not patterns', () => {
    for (const bad of ['', '  ', '/var/log/*.csv', 'C:/logs/*.csv', '../*.csv', 'a//b', 'logs\\*.csv']) {
      expect(() => compileGlob(bad, 'linux'), bad).toThrow(SourceConfigError);
    }
  });
});

describe('source plans', () => {
  it('turns a stored source into import options', () => {
    expect(planSource({ glob: '*.csv', format: 'auto', mapping: null }).importOptions).toEqual({});
    expect(planSource({ glob: 'page_log*', format: 'cups', mapping: null }).importOptions).toEqual({ format: 'cups' });
    const csv = planSource({ glob: '*.csv', format: 'csv', mapping: csvMapping }).importOptions;
    expect(csv.format).toBe('csv');
    expect(csv.encoding).toBe('cp932');
    expect(csv.mapping).toMatchObject({ format: 'csv' });
  });

  it('names the setting that is wrong', () => {
    const failure = (def: Parameters<typeof planSource>[0]) => {
      try {
        planSource(def);
      } catch (err) {
        if (err instanceof SourceConfigError) return [err.setting, err.message];
        throw err;
      }
      return null;
    };
    expect(failure({ glob: '*.csv', format: 'lpd', mapping: null })?.[0]).toBe('format');
    expect(failure({ glob: '*.csv', format: 'csv', mapping: null })).toEqual(['format', 'the csv format needs a mapping file']);
    expect(failure({ glob: '*.csv', format: 'auto', mapping: '{"format":"csv"}' })?.[1]).toContain('columns: required');
    expect(failure({ glob: '*.csv', format: 'counter', mapping: csvMapping })).toEqual(['mapping', "the mapping file is for 'csv', not 'counter'"]);
    expect(failure({ glob: '../x', format: 'auto', mapping: null })?.[0]).toBe('glob');
  });

  it('lets a mapping decide the format when the format is auto', () => {
    const { mapping } = parseSourceMapping(csvMapping);
    expect(formatMappingConflict('auto', mapping)).toBeNull();
    expect(formatMappingConflict('papercut-logger', mapping)).toContain('reads no mapping file');
  });
});
