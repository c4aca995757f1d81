import type { Command } from 'commander';
import { join } from 'node:path';
import { createAuditRepo } from '../approvals/audit.repo.js';
import { BlobStore } from '../approvals/blob-store.js';
import { verifyCaseSnapshots } from '../approvals/case-replay.js';
import { checkBlobs } from '../archive/blob-check.js';
import { CliError } from './io.js';
import { openDataFolder } from './open-data.js';

export function verifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check the audit trail (re-hash every row of the chain, replay every case from its events) and the stored files (re-hash every attachment and archive PDF)')
    .option('--data <dir>', 'data folder')
    .action(async (opts: { data?: string }) => {
      const { dataDir, db } = openDataFolder(opts.data);
      try {
        const chain = createAuditRepo(db).verify();
        if (!chain.ok) {
          throw new CliError(`Audit trail broken at row ${chain.brokenId}: ${chain.reason} (${chain.rows} rows read).`);
        }
        const cases = verifyCaseSnapshots(db);
        if (!cases.ok) throw new CliError(`Case ${cases.caseId} does not match its events: ${cases.reason} (${cases.cases} cases read).`);
        console.log(`Audit trail intact: ${chain.rows} rows checked; ${cases.cases} cases match their events.`);
        const store = new BlobStore(join(dataDir, 'blobs'));
        const files = await checkBlobs(db, (sha256) => store.pathOf(sha256));
        if (files.problems.length > 0) {
          const lines = files.problems.map((p) => `  ${p.problem} ${p.sha256}: ${p.usedBy.length > 0 ? p.usedBy.join('; ') : 'referenced, used by no row'}`);
          throw new CliError(`${files.problems.length} of ${files.checked} stored files are missing or altered:\n${lines.join('\n')}`);
        }
        console.log(`Stored files intact: ${files.checked} attachments and archive PDFs re-hashed.`);
      } finally {
        db.close();
      }
    });
}
