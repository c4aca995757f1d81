import type { Command } from 'commander';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Mapping } from '../../../shared/domain/printlog/mapping.js';
import { AppError } from '../app-error.js';
import { systemClock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { createSitesRepo } from '../org/sites.repo.js';
import { compileGlob, formatMappingConflict, isSourceFormat, parseSourceMapping, SourceConfigError, sourceFormatNames, type GlobMatcher } from '../printlog/source-config.js';
import { newSourceToken } from '../printlog/source-token.js';
import { createSourcesRepo, type LogSource } from '../printlog/sources.repo.js';
import { wholeNumber } from './options.js';
import { CliError } from './io.js';
import { openDataFolder } from './open-data.js';

interface AddOptions {
  data?: string;
  name: string;
  folder?: string;
  agent?: boolean;
  glob: string;
  format: string;
  mapping?: string;
  site?: string;
  poll?: boolean;
  interval?: number;
}

/** The branch folder an agent source names: shown on the hub only, never opened here. */
function agentFolderOf(opts: AddOptions): string {
  if (opts.poll || opts.interval !== undefined) throw new CliError('--poll and --interval are for folders this machine watches, not for --agent', 2);
  return (opts.folder ?? '').trim();
}

function watchedFolderOf(opts: AddOptions): string {
  if (opts.folder === undefined) throw new CliError('give --folder (the folder to watch), or --agent for logs a branch agent sends', 2);
  const folder = resolve(opts.folder);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new CliError(`--folder ${opts.folder}: no such folder (${folder})`, 2);
  }
  if (!isFolder) throw new CliError(`--folder ${opts.folder}: not a folder`, 2);
  return folder;
}

/** Opens the data folder for one subcommand and always closes it. */
async function withDb<T>(data: string | undefined, fn: (db: Db) => T | Promise<T>): Promise<T> {
  const { db } = openDataFolder(data);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

function sourceNamed(db: Db, name: string): LogSource {
  const source = createSourcesRepo(db, systemClock).byName(name);
  if (!source) throw new CliError(`no source named ${name} (see: kamiless sources list)`);
  return source;
}

/** Every check that needs no database; each message names its flag. Exit 2: the command line is wrong. */
function checkAddFlags(opts: AddOptions): { folder: string; glob: GlobMatcher; mappingText: string | null } {
  const name = opts.name.trim();
  if (name === '' || name.length > 100 || /\p{Cc}/u.test(name)) throw new CliError('--name: give 1 to 100 printable characters', 2);
  const folder = opts.agent ? agentFolderOf(opts) : watchedFolderOf(opts);
  let glob: GlobMatcher;
  try {
    glob = compileGlob(opts.glob);
  } catch (err) {
    if (err instanceof SourceConfigError) throw new CliError(`--glob ${opts.glob}: ${err.message}`, 2);
    throw err;
  }
  if (!isSourceFormat(opts.format)) throw new CliError(`--format ${opts.format}: choose one of ${sourceFormatNames.join(', ')}`, 2);
  let mappingText: string | null = null;
  if (opts.mapping !== undefined) {
    try {
      mappingText = readFileSync(opts.mapping, 'utf8').replace(/^\uFEFF/, '');
    } catch (err) {
      throw new CliError(`--mapping ${opts.mapping}: cannot read: ${(err as Error).message}`, 2);
    }
  }
  let mapping: Mapping | null = null;
  try {
    mapping = mappingText === null ? null : parseSourceMapping(mappingText).mapping;
  } catch (err) {
    if (err instanceof SourceConfigError) throw new CliError(`--mapping ${opts.mapping}: ${err.message}`, 2);
    throw err;
  }
  const conflict = formatMappingConflict(opts.format, mapping);
  if (conflict) throw new CliError(opts.mapping ? `--mapping ${opts.mapping}: ${conflict}` : `--format ${opts.format}: ${conflict}; give --mapping`, 2);
  if (opts.interval !== undefined && !opts.poll) throw new CliError('--interval goes with --poll (without it, the folder sends change notifications)', 2);
  return { folder, glob, mappingText };
}

function siteIdOf(db: Db, code: string | undefined): number | null {
  if (code === undefined) return null;
  const sites = createSitesRepo(db, systemClock).list();
  const site = sites.find((s) => s.code.toLowerCase() === code.toLowerCase());
  if (!site) {
    const known = sites.filter((s) => s.active).map((s) => s.code);
    throw new CliError(`--site ${code}: no such site (${known.length > 0 ? `known: ${known.join(', ')}` : 'none yet: create the sites first'})`, 2);
  }
  if (!site.active) throw new CliError(`--site ${code}: that site is deactivated`, 2);
  return site.id;
}

function countMatching(folder: string, glob: GlobMatcher): number {
  try {
    return readdirSync(folder, { encoding: 'utf8', recursive: glob.depth !== 0 }).filter((name) => glob.matches(name.split(/[\\/]/).join('/'))).length;
  } catch {
    return 0;
  }
}

const describeWatch = (s: LogSource) => {
  if (s.kind === 'agent') return `branch agent${s.agentHost ? ` on ${s.agentHost}` : ', not connected yet'}`;
  return s.polling ? `polling every ${s.pollIntervalMs} ms` : 'change notifications';
};

function listSources(db: Db, json: boolean): void {
  const repo = createSourcesRepo(db, systemClock);
  const rows = repo.list().map((s) => ({ source: s, stats: repo.stats(s.name) }));
  if (json) {
    const out = rows.map(({ source: s, stats }) => ({
      name: s.name, kind: s.kind, active: s.active, folder: s.folder, glob: s.glob, format: s.format,
      mapping: s.mapping === null ? null : (JSON.parse(s.mapping) as unknown), site: s.siteCode, polling: s.polling, intervalMs: s.pollIntervalMs,
      ...stats, agent: s.kind === 'agent' ? { host: s.agentHost, version: s.agentVersion, seenAt: s.agentSeenAt, backlog: s.agentBacklog } : null,
      lastError: s.lastError, lastErrorAt: s.lastErrorAt, createdAt: s.createdAt, updatedAt: s.updatedAt,
    }));
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  if (rows.length === 0) {
    console.log('No log sources yet. Add one: kamiless sources add --name NAME --folder DIR --glob PATTERN');
    return;
  }
  const table = [['NAME', 'STATE', 'FORMAT', 'SITE', 'FILES', 'JOBS', 'REJECTED', 'WATCHES'], ...rows.map(({ source: s, stats }) => [
    s.name, s.active ? 'active' : 'removed', s.format, s.siteCode ?? '-', String(stats.files), String(stats.jobs), String(stats.rejected),
    `${join(s.folder, s.glob)} (${describeWatch(s)})`,
  ])];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of table) console.log(r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '));
  for (const { source: s } of rows) if (s.lastError) console.log(`${s.name}: last error at ${s.lastErrorAt ?? '?'}: ${s.lastError}`);
}

export function sourcesCommand(program: Command): void {
  const sources = program
    .command('sources')
    .description('manage watched log sources: folders of print-server or copier logs that the hub and the desktop app follow');

  sources
    .command('list')
    .description('list the sources with their files, jobs, rejected lines and last error')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print the sources as JSON')
    .action((opts: { data?: string; json?: boolean }) => withDb(opts.data, (db) => listSources(db, opts.json === true)));

  sources
    .command('add')
    .description('watch a folder for log files: new files, appended lines, daily files, rotation, .gz archives')
    .option('--data <dir>', 'data folder')
    .requiredOption('--name <name>', 'a unique name, e.g. the print server\'s (recorded on every file read through it)')
    .option('--folder <dir>', 'the folder the logs are written to (a local folder or a mounted share); with --agent, the branch\'s folder (shown only)')
    .option('--agent', 'the logs come from `kamiless agent` on a branch print server, not from a folder here; prints the token and the command to run there')
    .requiredOption('--glob <pattern>', 'which files in it, e.g. papercut-print-log-*.csv or page_log* (a / reaches into subfolders)')
    .option('--format <name>', `auto (detected per file) or one of ${sourceFormatNames.filter((f) => f !== 'auto').join(', ')}`, 'auto')
    .option('--mapping <file>', 'mapping file (JSON) for the csv and counter formats; see docs/mapping-files.md')
    .option('--site <code>', 'the site the source belongs to, by its code')
    .option('--poll', 'poll the folder instead of waiting for change notifications (SMB/NFS shares send none)')
    .option('--interval <ms>', 'with --poll: milliseconds between polls (default 1000)', wholeNumber(100, 3_600_000, '--interval'))
    .action((opts: AddOptions) => {
      const checked = checkAddFlags(opts);
      return withDb(opts.data, (db) => {
        const siteId = siteIdOf(db, opts.site);
        const { token, hash } = newSourceToken();
        let added;
        try {
          added = createSourcesRepo(db, systemClock).add({
            name: opts.name.trim(), kind: opts.agent ? 'agent' : 'folder', folder: checked.folder, glob: opts.glob.trim(), format: opts.format, mapping: checked.mappingText, siteId,
            polling: opts.poll === true, pollIntervalMs: opts.interval ?? 1000,
          }, hash);
        } catch (err) {
          if (err instanceof AppError && err.code === 'duplicate') throw new CliError(`a source named ${opts.name.trim()} already exists; choose another --name or remove it first`);
          throw err;
        }
        const s = added.source;
        if (s.kind === 'agent') {
          console.log(`Source ${s.name} ${added.revived ? 'added again (its earlier files and jobs are kept)' : 'added'}: sent by a branch agent, ${s.glob}, format ${s.format}${s.siteCode ? `, site ${s.siteCode}` : ''}.`);
          console.log(`Token (shown only now; only its hash is stored): ${token}`);
          console.log('On the branch print server, run (with this hub\'s address):');
          console.log(`  npx kamiless agent --hub http://HUB-ADDRESS:4317 --token ${token} --path ${s.folder === '' ? 'LOG-FOLDER' : `"${s.folder}"`} --glob '${s.glob}'${s.format === 'auto' ? '' : ` --format ${s.format}`}`);
          return;
        }
        const matching = countMatching(s.folder, checked.glob);
        console.log(`Source ${s.name} ${added.revived ? 'added again (its earlier files and jobs are kept)' : 'added'}: ${join(s.folder, s.glob)}, format ${s.format}${s.siteCode ? `, site ${s.siteCode}` : ''}, ${describeWatch(s)}.`);
        console.log(`${matching} file${matching === 1 ? '' : 's'} there match now. A running hub or desktop app starts following it within seconds.`);
        console.log(`Token for a branch agent sending this source's logs (shown only now; only its hash is stored): ${token}`);
      });
    });

  sources
    .command('remove')
    .description('stop watching a source; its files, jobs and rejected lines are kept')
    .option('--data <dir>', 'data folder')
    .requiredOption('--name <name>', 'the source to stop watching')
    .action((opts: { data?: string; name: string }) => withDb(opts.data, (db) => {
      let result;
      try {
        result = createSourcesRepo(db, systemClock).deactivate(opts.name);
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_found') throw new CliError(`no source named ${opts.name} (see: kamiless sources list)`);
        throw err;
      }
      const name = result.source.name;
      console.log(result.wasActive
        ? `Source ${name} removed: it is no longer watched (a running hub stops within seconds). Its files, jobs and rejected lines are kept; \`sources add --name ${name} …\` brings it back.`
        : `Source ${name} was already removed; its files, jobs and rejected lines are kept.`);
    }));

  sources
    .command('rejected')
    .description('show the lines of a source\'s files that could not be read as jobs (file, line, reason, raw text), newest first')
    .option('--data <dir>', 'data folder')
    .requiredOption('--name <name>', 'the source')
    .option('--json', 'print them as JSON')
    .option('--limit <n>', 'at most this many', wholeNumber(1, 1_000_000, '--limit'), 100)
    .action((opts: { data?: string; name: string; json?: boolean; limit: number }) => withDb(opts.data, (db) => {
      const source = sourceNamed(db, opts.name);
      const repo = createSourcesRepo(db, systemClock);
      const total = repo.stats(source.name).rejected;
      const rejected = repo.rejected(source.name, opts.limit);
      if (opts.json) {
        console.log(JSON.stringify({ source: source.name, total, rejected }, null, 2));
        return;
      }
      console.log(`${total} rejected line${total === 1 ? '' : 's'} in source ${source.name}${total > rejected.length ? ` (the newest ${rejected.length} shown)` : ''}.`);
      for (const r of rejected) console.log(`${r.file}:${r.line}: ${r.reason}\n    ${JSON.stringify(r.raw)}`);
    }));
}
