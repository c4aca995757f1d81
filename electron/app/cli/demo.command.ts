import type { Command } from 'commander';
import { createDemoTown } from '../demo/demo.js';
import { systemClock } from '../clock.js';
import { CliError, generatePassword, readPasswordFile } from './io.js';
import { openDataFolder } from './open-data.js';
import { AppError } from '../app-error.js';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('create a demo town (北広島町: 本庁 and three 支所, 40+ staff) in an empty data folder')
    .option('--data <dir>', 'data folder (must not hold a town yet)')
    .option('--password-file <file>', 'give every demo user the password on the first line of this file')
    .option('--json', 'print the users as JSON (login, name, department, site, position, roles)')
    .action(async (opts: { data?: string; passwordFile?: string; json?: boolean }) => {
      const password = opts.passwordFile ? readPasswordFile(opts.passwordFile) : generatePassword();
      const { db, dataDir } = openDataFolder(opts.data);
      try {
        const users = await createDemoTown(db, systemClock, password).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'setup_already_done') throw new CliError(`${dataDir} already holds a town; give an empty --data folder`);
          throw err;
        });
        if (opts.json) {
          console.log(JSON.stringify(opts.passwordFile ? { users } : { password, users }, null, 2));
          return;
        }
        console.log(`Demo town 北広島町 created in ${dataDir}: ${users.length} users.`);
        console.log(opts.passwordFile ? `Every user's password is the one in ${opts.passwordFile}.` : `Every user's password: ${password}`);
        console.log('Sign in as admin (administrator), dx (DX office) or any login below (clerks and approvers):');
        for (const u of users) console.log(`  ${u.login.padEnd(22)} ${u.name} ${u.site} ${u.department} ${u.position} [${u.roles.join(',')}]`);
        console.log(`Start it: npx kamiless hub --data ${dataDir}`);
      } finally {
        db.close();
      }
    });
}
