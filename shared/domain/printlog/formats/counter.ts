/**
 * `counter`: a copier/MFP counter report (sheets per department or device per
 * month) read through a mapping file. A separate measure from print jobs —
 * copies made at the copier never reach a print server — so each row becomes a
 * `counter` event, never a job.
 */
import type { FormatModule, LineParser, ParserOptions } from '../format.js';
import type { CounterReading } from '../job.js';
import { compileTimeFormat, requireMapping, type CompiledTimeFormat } from '../mapping.js';
import { mappedRows, type Row } from './csv-mapped.js';
import { shown } from './reason-text.js';

function readingOf(row: Row, monthFormat: CompiledTimeFormat): CounterReading {
  const monthText = row.text('month');
  if (monthText === '') row.fail('month', 'empty');
  const m = monthFormat.parse(monthText);
  if (!m) row.fail('month', `${shown(monthText)} does not match the month format '${monthFormat.source}'`);
  if (m.month < 1 || m.month > 12) row.fail('month', `${shown(monthText)} has no month ${m.month}`);

  const mono = row.has('monoSheets') ? row.count('monoSheets', 0) : null;
  const color = row.has('colorSheets') ? row.count('colorSheets', 0) : null;
  let sheets: number;
  if (row.has('sheets')) {
    sheets = row.count('sheets', 0);
    // A total that disagrees with its own parts means a shifted or mistyped
    // column; importing either figure would be a guess.
    if (mono !== null && color !== null && mono + color !== sheets) {
      row.fail('sheets', `${sheets} is not the sum of the black-and-white (${mono}) and colour (${color}) sheets`);
    }
  } else {
    sheets = (mono ?? 0) + (color ?? 0);
  }

  return {
    month: `${String(m.year).padStart(4, '0')}-${String(m.month).padStart(2, '0')}`,
    department: row.text('department'),
    device: row.text('device'),
    sheets,
    colorSheets: color,
  };
}

export const counter: FormatModule = {
  name: 'counter',
  description: 'A copier counter report (sheets per department or device per month), read through a mapping file (--mapping); counted apart from print jobs.',
  resumeFromStart: true,
  needsMapping: true,
  // A counter report is a plain CSV; only its mapping file can say how to read it.
  detect: () => null,
  createParser(opts: ParserOptions): LineParser {
    const mapping = requireMapping(opts.mapping, 'counter');
    const monthFormat = compileTimeFormat(mapping.monthFormat, 'month');
    return mappedRows(mapping, (row, line) => ({ kind: 'counter', line, reading: readingOf(row, monthFormat) }));
  },
};
