import { Command, CommanderError } from 'commander';
import { MigrationError } from '../db/migrate.js';
import { appVersion } from '../version.js';
import { CliError } from './io.js';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when needed: `kamiless import` should not
 * pay for the hub's server, the PDF fonts and the demo town (about 0.3 s and
 * 50 MB before the first line is read). Names are the commands they register.
 */
const commands: Record<string, () => Promise<Register>> = {
  hub: async () => (await import('./hub.command.js')).hubCommand,
  init: async () => (await import('./init.command.js')).initCommand,
  demo: async () => (await import('./demo.command.js')).demoCommand,
  backup: async () => (await import('./backup.command.js')).backupCommands,
  restore: async () => (await import('./backup.command.js')).backupCommands,
  verify: async () => (await import('./verify.command.js')).verifyCommand,
  import: async () => (await import('./import.command.js')).importCommand,
  sources: async () => (await import('./sources.command.js')).sourcesCommand,
  agent: async () => (await import('./agent.command.js')).agentCommand,
  report: async () => (await import('./report.command.js')).reportCommand,
};

/**
 * The program with the command `argv` names registered, or — for help, the
 * version, or an unknown word — every command, so help lists them all and a
 * typo gets commander's "did you mean".
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('kamiless')
    .description('Kamiless 紙レス: electronic approval and paper-reduction KPI for town halls')
    .version(appVersion, '-v, --version')
    .showHelpAfterError('(add --help for the options)')
    .exitOverride();
  const named = argv[0] === undefined ? undefined : commands[argv[0]];
  const loaders = named ? [named] : Object.values(commands);
  const registered = new Set<Register>();
  for (const load of loaders) {
    const register = await load();
    if (registered.has(register)) continue;
    registered.add(register);
    register(program);
  }
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(add --help for the options)');
  return program;
}

/** Exit codes: 0 ok, 1 the action failed, 2 the command line was wrong. */
export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
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
