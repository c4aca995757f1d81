import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { ingestChunkMaxBytes } from '../../../shared/api/ingest.js';
import { sourceFormatSchema } from '../../../shared/api/sources.js';
import { AgentStopped, runAgent } from '../agent/branch-agent.js';
import { createHubClient } from '../agent/hub-client.js';
import { compileGlob, SourceConfigError, sourceFormatNames } from '../printlog/source-config.js';
import { appVersion } from '../version.js';
import { CliError } from './io.js';
import { wholeNumber } from './options.js';

interface AgentFlags {
  hub: string;
  token?: string;
  tokenFile?: string;
  path: string;
  glob: string;
  format?: string;
  interval: number;
  chunkSize: number;
  once?: boolean;
}

function tokenOf(flags: AgentFlags): string {
  if (flags.tokenFile !== undefined) {
    try {
      return readFileSync(flags.tokenFile, 'utf8').trim();
    } catch (err) {
      throw new CliError(`--token-file ${flags.tokenFile}: cannot read: ${(err as Error).message}`, 2);
    }
  }
  const token = flags.token ?? process.env['KAMILESS_AGENT_TOKEN'];
  if (!token) throw new CliError('give the source token: --token, --token-file or $KAMILESS_AGENT_TOKEN (shown when the source was added on the hub)', 2);
  return token.trim();
}

function checkFlags(flags: AgentFlags) {
  let hub: URL;
  try {
    hub = new URL(flags.hub);
  } catch {
    throw new CliError(`--hub ${flags.hub}: give the hub's address, e.g. http://192.168.1.10:4317`, 2);
  }
  if (hub.protocol !== 'http:' && hub.protocol !== 'https:') throw new CliError(`--hub ${flags.hub}: use http:// or https://`, 2);
  const folder = resolve(flags.path);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new CliError(`--path ${flags.path}: no such folder (${folder})`, 2);
  }
  if (!isFolder) throw new CliError(`--path ${flags.path}: not a folder`, 2);
  try {
    compileGlob(flags.glob);
  } catch (err) {
    if (err instanceof SourceConfigError) throw new CliError(`--glob ${flags.glob}: ${err.message}`, 2);
    throw err;
  }
  const format = flags.format === undefined ? undefined : sourceFormatSchema.safeParse(flags.format);
  if (format && !format.success) throw new CliError(`--format ${flags.format}: choose one of ${sourceFormatNames.join(', ')}`, 2);
  return { hub: hub.toString(), folder, format: format?.data };
}

export function agentCommand(program: Command): void {
  program
    .command('agent')
    .description("on a branch print server: send the print logs of a folder to the hub (no file share needed); resumes where the hub's copy ends")
    .requiredOption('--hub <url>', "the hub's address, e.g. http://192.168.1.10:4317")
    .option('--token <token>', "the source's token from the hub (or --token-file, or $KAMILESS_AGENT_TOKEN, which other users of the machine cannot see)")
    .option('--token-file <file>', 'read the token from this file')
    .requiredOption('--path <dir>', 'the folder the print server writes its logs to')
    .requiredOption('--glob <pattern>', 'which files, e.g. papercut-print-log-*.csv or page_log*')
    .option('--format <name>', `checked against the source's format on the hub: ${sourceFormatNames.join(', ')}`)
    .option('--interval <ms>', 'milliseconds between looks at the folder', wholeNumber(100, 3_600_000, '--interval'), 1000)
    .option('--chunk-size <bytes>', 'most bytes per request', wholeNumber(1024, ingestChunkMaxBytes, '--chunk-size'), 1024 * 1024)
    .option('--once', 'send what is there now and exit (exit 1 if the hub cannot be reached)')
    .action(async (flags: AgentFlags) => {
      const checked = checkFlags(flags);
      const token = tokenOf(flags);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const log = (line: string) => console.log(`${new Date().toISOString()} kamiless agent: ${line}`);
      try {
        await runAgent({
          client: createHubClient({ hub: checked.hub, token, signal: controller.signal }),
          folder: checked.folder,
          glob: flags.glob,
          ...(checked.format !== undefined && { format: checked.format }),
          host: hostname(),
          version: appVersion,
          intervalMs: flags.interval,
          chunkBytes: flags.chunkSize,
          once: flags.once === true,
          signal: controller.signal,
          log,
        });
        if (controller.signal.aborted) log('stopped');
      } catch (err) {
        if (err instanceof AgentStopped) throw new CliError(err.message);
        throw err;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
