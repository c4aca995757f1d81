import type { Command } from 'commander';
import { createAuditRepo } from '../approvals/audit.repo.js';
import { verifyCaseSnapshots } from '../approvals/case-replay.js';
import { CliError } from './io.js';
import { openDataFolder } from './open-data.js';

export function verifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check the audit trail: re-hash every row of the chain and replay every case from its events')
    .option('--data <dir>', 'data folder')
    .action((opts: { data?: string }) => {
      const { db } = openDataFolder(opts.data);
      try {
        const chain = createAuditRepo(db).verify();
        if (!chain.ok) {
          throw new CliError(`Audit trail broken at row ${chain.brokenId}: ${chain.reason} (${chain.rows} rows read).`);
        }
        const cases = verifyCaseSnapshots(db);
        if (!cases.ok) throw new CliError(`Case ${cases.caseId} does not match its events: ${cases.reason} (${cases.cases} cases read).`);
        console.log(`Audit trail intact: ${chain.rows} rows checked; ${cases.cases} cases match their events.`);
      } finally {
        db.close();
      }
    });
}
