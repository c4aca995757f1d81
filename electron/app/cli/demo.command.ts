import type { Command } from 'commander';
import { join } from 'node:path';
import { createDemoTown } from '../demo/demo.js';
import type { DemoApprovalsSummary } from '../demo/demo-approvals.js';
import type { DemoRetentionSummary } from '../demo/demo-retention.js';
import type { DemoLogsSummary } from '../demo/demo-logs.js';
import { systemClock } from '../clock.js';
import { CliError, generatePassword, readPasswordFile } from './io.js';
import { openDataFolder } from './open-data.js';
import { AppError } from '../app-error.js';

const n = (x: number): string => x.toLocaleString('en-US');

function printApprovals(a: DemoApprovalsSummary, past: DemoRetentionSummary | null): void {
  const states = Object.entries(a.byState).map(([state, count]) => `${state.replace('_', ' ')} ${count}`).join(', ');
  console.log(`E-approval (電子決裁): ${a.types} document types with their routes and 専決 bands, ${a.cases} cases (${states}), ${a.proxies} standing proxies (代理);`);
  console.log('  every 係長, 課長補佐, 課長, 部長, 支所長, the 副町長 and the 町長 has cases waiting in the inbox.');
  if (past) console.log(`  Also ${past.oldCases} cases decided years ago (保存・廃棄 has records past their retention) and ${past.links} 関連文書 links.`);
}

function printLogs(logs: DemoLogsSummary): void {
  console.log(`Print logs of ${logs.sources.length} print servers, ${logs.firstDay} to ${logs.lastDay}: ${n(logs.files)} files in ${logs.folder},`);
  console.log(`  ${n(logs.stored)} jobs stored; ${n(logs.duplicates)} read twice and counted once (本庁's all-time file repeats its daily files of the last month); ${logs.rejected} lines rejected on purpose.`);
  const baseline = logs.years[0]?.stored ?? 0;
  console.log('Sheets per fiscal year, as stored (the seed\'s reductions: FY2022 74,240, FY2023 102,591):');
  for (const [i, y] of logs.years.entries()) {
    const note = i === 0 ? 'baseline'
      : y.complete ? `reduction ${n(baseline - y.stored)}`
        : `to ${logs.lastDay}, in progress; planned for the year ${n(y.yearPlanned)}, a reduction of ${n(baseline - y.yearPlanned)}`;
    console.log(`  FY${y.fiscalYear}  ${n(y.stored).padStart(9)}  (${note})`);
  }
  console.log(`Log sources (取込元): ${logs.sources.join(', ')}; a running hub goes on watching their folders.`);
}

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('create a demo town (北広島町: 本庁 and three 支所, 40+ staff) in an empty data folder, with e-approval cases in every state and its print logs since FY2021')
    .option('--data <dir>', 'data folder (must not hold a town yet)')
    .option('--password-file <file>', 'give every demo user the password on the first line of this file')
    .option('--no-logs', 'skip the print-server logs (written to DATA/demo-logs and imported: FY2021 to yesterday, about 200,000 jobs)')
    .option('--json', 'print the users as JSON (login, name, department, site, position, roles), the e-approval cases by state, and what the logs hold')
    .action(async (opts: { data?: string; passwordFile?: string; logs: boolean; json?: boolean }) => {
      const password = opts.passwordFile ? readPasswordFile(opts.passwordFile) : generatePassword();
      const { db, dataDir } = openDataFolder(opts.data);
      try {
        // A holder, not a variable: TypeScript does not see a callback assign a local.
        const written: { logs: DemoLogsSummary | null; approvals: DemoApprovalsSummary | null; past: DemoRetentionSummary | null } = { logs: null, approvals: null, past: null };
        const logOptions = opts.logs ? {
          logs: {
            dir: join(dataDir, 'demo-logs'),
            // Stderr: with --json, stdout carries only the JSON.
            onStart: () => void process.stderr.write('Writing the print logs of FY2021 to yesterday and importing them (about 200,000 jobs; 10–20 s)…\n'),
            onLogs: (s: DemoLogsSummary) => (written.logs = s),
          },
        } : {};
        const onApprovals = (s: DemoApprovalsSummary, past: DemoRetentionSummary | null) => {
          written.approvals = s;
          written.past = past;
        };
        const users = await createDemoTown(db, systemClock, password, { ...logOptions, onApprovals, retention: true }).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'setup_already_done') throw new CliError(`${dataDir} already holds a town; give an empty --data folder`);
          if (err instanceof AppError && err.code === 'conflict') throw new CliError(`${err.message} (or give --no-logs)`);
          throw err;
        });
        const { logs, approvals, past } = written;
        if (opts.json) {
          console.log(JSON.stringify({ ...(opts.passwordFile ? {} : { password }), users, ...(approvals && { approvals }), ...(logs && { logs }) }, null, 2));
          return;
        }
        console.log(`Demo town 北広島町 created in ${dataDir}: ${users.length} users.`);
        console.log(opts.passwordFile ? `Every user's password is the one in ${opts.passwordFile}.` : `Every user's password: ${password}`);
        console.log('Sign in as admin (administrator), dx (DX office) or any login below (clerks and approvers):');
        for (const u of users) console.log(`  ${u.login.padEnd(22)} ${u.name} ${u.site} ${u.department} ${u.position} [${u.roles.join(',')}]`);
        if (approvals) printApprovals(approvals, past);
        if (logs) printLogs(logs);
        console.log(`Start it: npx kamiless hub --data ${dataDir}`);
      } finally {
        db.close();
      }
    });
}
