import { Command, CommanderError } from 'commander';
import { MigrationError } from '../db/migrate.js';
import { appVersion } from '../version.js';
import { agentCommand } from './agent.command.js';
import { backupCommands } from './backup.command.js';
import { demoCommand } from './demo.command.js';
import { hubCommand } from './hub.command.js';
import { importCommand } from './import.command.js';
import { initCommand } from './init.command.js';
import { CliError } from './io.js';
import { reportCommand } from './report.command.js';
import { sourcesCommand } from './sources.command.js';
import { verifyCommand } from './verify.command.js';

export function buildProgram(): Command {
  const program = new Command('kamiless')
    .description('Kamiless 紙レス: electronic approval and paper-reduction KPI for town halls')
    .version(appVersion, '-v, --version')
    .showHelpAfterError('(add --help for the options)')
    .exitOverride();
  hubCommand(program);
  initCommand(program);
  demoCommand(program);
  backupCommands(program);
  verifyCommand(program);
  importCommand(program);
  sourcesCommand(program);
  agentCommand(program);
  reportCommand(program);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(add --help for the options)');
  return program;
}

/** Exit codes: 0 ok, 1 the action failed, 2 the command line was wrong. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof CliError || err instanceof MigrationError) {
      console.error(`kamiless: ${err.message}`);
      return err instanceof CliError ? err.exitCode : 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      console.error(`kamiless: the port is already in use (${e.message}); choose another with --port`);
      return 1;
    }
    console.error(err);
    return 1;
  }
}
