import type { Command } from 'commander';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FormatName } from '../../../shared/domain/printlog/format.js';
import { parseMapping } from '../../../shared/domain/printlog/mapping.js';
import { formats } from '../../../shared/domain/printlog/registry.js';
import { systemClock } from '../clock.js';
import { normalizeEncoding, type Encoding } from '../printlog/encoding.js';
import { ImportError, importFile, type FileImportResult } from '../printlog/import-file.js';
import { CliError } from './io.js';
import { openDataFolder } from './open-data.js';

interface ImportOptions {
  data?: string;
  format?: string;
  mapping?: string;
  source?: string;
  json?: boolean;
}

/** Files named on the command line, folders expanded (sorted, hidden files skipped). */
function expand(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name));
    } else {
      files.push(p);
    }
  };
  for (const p of paths) walk(resolve(p));
  return { files, missing };
}

function loadMapping(file: string): { mapping: unknown; encoding?: Encoding } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`--mapping ${file}: ${(err as Error).message}`, 2);
  }
  const parsed = parseMapping(json);
  if (!parsed.ok) throw new CliError(`--mapping ${file}: ${parsed.errors.join('; ')}`, 2);
  const encoding = parsed.mapping.encoding ? normalizeEncoding(parsed.mapping.encoding) : null;
  return { mapping: parsed.mapping, ...(encoding && { encoding }) };
}

const publicFile = (r: FileImportResult) => ({
  path: r.path,
  format: r.format,
  encoding: r.encoding,
  lines: r.lines,
  jobs: r.jobs,
  pages: r.pages,
  sheets: r.sheets,
  duplicates: r.duplicates,
  rejected: r.rejected,
  ...(r.readings > 0 && { readings: r.readings, counterSheets: r.counterSheets }),
});

export function importCommand(program: Command): void {
  program
    .command('import')
    .description('import print-server or copier log files (files, .gz archives or folders) once')
    .argument('<path...>', 'log files, .gz archives or folders (every file inside)')
    .option('--data <dir>', 'data folder')
    .option('--format <name>', `skip auto-detection: ${formats.map((f) => f.name).join(', ')}`)
    .option('--mapping <file>', 'mapping file (JSON) for the csv and counter formats; see docs/mapping-files.md')
    .option('--source <name>', 'record the files as coming from this source (e.g. a branch print server)')
    .option('--json', 'print the result as JSON')
    .action(async (paths: string[], opts: ImportOptions) => {
      if (opts.format && !formats.some((f) => f.name === opts.format)) {
        throw new CliError(`--format ${opts.format}: choose one of ${formats.map((f) => f.name).join(', ')}`, 2);
      }
      const mapping = opts.mapping ? loadMapping(opts.mapping) : undefined;
      const { files, missing } = expand(paths);
      const failures: { path: string; error: string }[] = missing.map((path) => ({ path, error: 'no such file or folder' }));
      const results: FileImportResult[] = [];
      const { db } = openDataFolder(opts.data);
      try {
        for (const path of files) {
          try {
            results.push(
              await importFile(db, path, {
                clock: systemClock,
                ...(opts.format && { format: opts.format as FormatName }),
                ...(mapping && { mapping: mapping.mapping }),
                ...(mapping?.encoding && { encoding: mapping.encoding }),
                ...(opts.source && { source: opts.source }),
              }),
            );
          } catch (err) {
            if (!(err instanceof ImportError)) throw err;
            failures.push({ path, error: err.message });
          }
        }
      } finally {
        db.close();
      }
      const total = results.reduce(
        (t, r) => ({ jobs: t.jobs + r.jobs, pages: t.pages + r.pages, sheets: t.sheets + r.sheets, duplicates: t.duplicates + r.duplicates, rejected: t.rejected + r.rejected.length }),
        { jobs: 0, pages: 0, sheets: 0, duplicates: 0, rejected: 0 },
      );
      if (opts.json) {
        console.log(JSON.stringify({ files: results.map(publicFile), total, ...(failures.length > 0 && { failed: failures }) }, null, 2));
      } else {
        for (const r of results) {
          console.log(`${r.path}\n  ${r.format} (${r.formatReason}), ${r.encoding} (${r.encodingReason})`);
          console.log(`  ${r.lines} lines: ${r.jobs} new jobs, ${r.pages} pages, ${r.sheets} sheets; ${r.duplicates} already stored; ${r.rejected.length} rejected`);
          if (r.readings > 0) console.log(`  ${r.readings} counter readings, ${r.counterSheets} sheets (a separate measure)`);
          for (const rej of r.rejected.slice(0, 20)) console.log(`    line ${rej.line}: ${rej.reason}`);
          if (r.rejected.length > 20) console.log(`    … ${r.rejected.length - 20} more rejected lines`);
        }
        console.log(`Total: ${total.jobs} new jobs, ${total.pages} pages, ${total.sheets} sheets; ${total.duplicates} already stored; ${total.rejected} rejected.`);
      }
      for (const f of failures) console.error(`kamiless import: ${f.error}`);
      if (failures.length > 0) throw new CliError(`${failures.length} of ${files.length + missing.length} files could not be imported`, 1);
    });
}
