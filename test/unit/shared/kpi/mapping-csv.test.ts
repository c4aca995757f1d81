import { describe, expect, it } from 'vitest';
import { parseRulesCsv } from '../../../../shared/domain/kpi/mapping-csv.js';

describe('parseRulesCsv', () => {
  it('reads rules a line, skipping a header, a BOM and blank lines, in English or Japanese words', () => {
    const r = parseRulesCsv('\uFEFFsubject,kind,pattern,department,site\r\nuser,exact,KITAHIROSHIMA\\tanaka-h,SOMU,\r\n\r\nプリンター,前方一致,"HONCHO-",,HONCHO\r\nprinter,regex,^GEIHOKU-.*$,,GEIHOKU\r\n');
    expect(r).toEqual({
      ok: true,
      rules: [
        { line: 2, subject: 'user', kind: 'exact', pattern: 'KITAHIROSHIMA\\tanaka-h', departmentCode: 'SOMU', siteCode: null },
        { line: 4, subject: 'printer', kind: 'prefix', pattern: 'HONCHO-', departmentCode: null, siteCode: 'HONCHO' },
        { line: 5, subject: 'printer', kind: 'regex', pattern: '^GEIHOKU-.*$', departmentCode: null, siteCode: 'GEIHOKU' },
      ],
    });
  });

  it('reports every bad line by number, all at once', () => {
    const r = parseRulesCsv('user,exact,a,SOMU,\ndesk,exact,b,SOMU,\nuser,fuzzy,c,SOMU,\nuser,exact,d,,\nuser,regex,(a+)+,SOMU,\nuser,exact,"e,SOMU,\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.split(':')[0])).toEqual(['line 2', 'line 3', 'line 4', 'line 5', 'line 6']);
    expect(r.errors[0]).toContain('user or printer');
    expect(r.errors[1]).toContain('exact, prefix, suffix or regex');
    expect(r.errors[2]).toContain('department code or a site code');
  });
});
