/**
 * Mapping rules from a CSV the DX office keeps in Excel: one rule a line,
 * `subject,kind,pattern,department,site` (codes, not names: names change),
 * an optional header line, UTF-8. Every mistake is reported with its line
 * number, all at once, so the file can be fixed in one go.
 */
import { splitCsvLine } from '../printlog/formats/csv-line.js';
import { compileRules, type MappingRuleKind } from './org-mapping.js';

export interface CsvRule {
  line: number;
  subject: 'user' | 'printer';
  kind: MappingRuleKind;
  pattern: string;
  departmentCode: string | null;
  siteCode: string | null;
}

export type CsvRulesResult = { ok: true; rules: CsvRule[] } | { ok: false; errors: string[] };

const SUBJECTS: Readonly<Record<string, 'user' | 'printer'>> = { user: 'user', ユーザー: 'user', 利用者: 'user', printer: 'printer', プリンター: 'printer', プリンタ: 'printer' };
const KINDS: Readonly<Record<string, MappingRuleKind>> = {
  exact: 'exact', 完全一致: 'exact', prefix: 'prefix', 前方一致: 'prefix', suffix: 'suffix', 後方一致: 'suffix', regex: 'regex', 正規表現: 'regex',
};

/** Parses the CSV; department and site codes are checked by the caller against the organisation. */
export function parseRulesCsv(text: string): CsvRulesResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rules: CsvRule[] = [];
  const errors: string[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const split = splitCsvLine(raw);
    if (!split.ok) {
      errors.push(`line ${line}: ${split.reason}`);
      return;
    }
    const [subjectText = '', kindText = '', pattern = '', department = '', site = ''] = split.fields.map((f) => f.trim());
    // A header line names its columns instead of giving a rule.
    if (line === 1 && /^(subject|対象)$/i.test(subjectText)) return;
    const subject = SUBJECTS[subjectText.toLowerCase()];
    const kind = KINDS[kindText.toLowerCase()];
    if (!subject) errors.push(`line ${line}: subject must be user or printer, not ${JSON.stringify(subjectText)}`);
    if (!kind) errors.push(`line ${line}: kind must be exact, prefix, suffix or regex, not ${JSON.stringify(kindText)}`);
    if (department === '' && site === '') errors.push(`line ${line}: give a department code or a site code`);
    if (!subject || !kind) return;
    const compiled = compileRules([{ kind, pattern, target: 0 }]);
    if (!compiled.ok) {
      errors.push(...compiled.errors.map((e) => `line ${line}: ${e.message}`));
      return;
    }
    rules.push({ line, subject, kind, pattern, departmentCode: department === '' ? null : department, siteCode: site === '' ? null : site });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}
