import type { Command } from 'commander';
import { loginSchema } from '../../../shared/api/org.js';
import { systemClock } from '../clock.js';
import { hashPassword, isTooWeak } from '../org/passwords.js';
import { createServices } from '../services.js';
import { ask, CliError, readPasswordFile } from './io.js';
import { openDataFolder } from './open-data.js';

interface InitOptions {
  data?: string;
  town: string;
  adminLogin?: string;
  adminName: string;
  adminPasswordFile?: string;
}

async function adminPassword(opts: InitOptions, login: string): Promise<string> {
  if (opts.adminPasswordFile) return readPasswordFile(opts.adminPasswordFile);
  if (!process.stdin.isTTY) throw new CliError('no terminal to ask for the password: give --admin-password-file', 2);
  const first = await ask('Administrator password (10+ characters): ', { hidden: true });
  if (isTooWeak(first, login)) throw new CliError('the password must be at least 10 characters and differ from the login');
  if ((await ask('Again: ', { hidden: true })) !== first) throw new CliError('the two passwords differ');
  return first;
}

export function initCommand(program: Command): void {
  program
    .command('init')
    .description('create an empty town and its first administrator')
    .option('--data <dir>', 'data folder (must not hold a town yet)')
    .option('--town <name>', 'the municipality\'s name', '北広島町')
    .option('--admin-login <login>', 'login of the first administrator (asked when omitted)')
    .option('--admin-name <name>', 'display name of the first administrator', '管理者')
    .option('--admin-password-file <file>', 'password on the first line of this file (for scripts; asked when omitted)')
    .action(async (opts: InitOptions) => {
      const login = opts.adminLogin ?? (await ask('Administrator login: '));
      const parsed = loginSchema.safeParse(login);
      if (!parsed.success) throw new CliError(`--admin-login ${JSON.stringify(login)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 2);
      const password = await adminPassword(opts, parsed.data);
      if (isTooWeak(password, parsed.data)) throw new CliError('the password must be at least 10 characters and differ from the login');
      const hash = await hashPassword(password);
      const { db, dataDir } = openDataFolder(opts.data);
      try {
        const s = createServices(db, systemClock);
        db.transaction(() => {
          if (s.users.count() > 0) throw new CliError(`${dataDir} already holds a town; nothing changed`);
          s.settings.set('town.name', opts.town);
          const user = s.users.create(
            { login: parsed.data, name: opts.adminName, kana: '', email: '', departmentId: null, positionId: null, roles: ['admin', 'dx', 'clerk'] },
            hash,
          );
          s.adminLog.record(user.id, 'init', 'town', { townName: opts.town });
        })();
        console.log(`Town ${opts.town} created in ${dataDir}; sign in as ${parsed.data}. Start it: npx kamiless hub --data ${dataDir}`);
      } finally {
        db.close();
      }
    });
}
