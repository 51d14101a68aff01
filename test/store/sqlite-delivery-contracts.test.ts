import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { describeConversationsContract } from './support/conversations-contract';
import { describeJobsContract } from './support/jobs-contract';
import { describeOutboxContract } from './support/outbox-contract';

/** Two stores on one file in a fresh temp folder, as two processes would have. */
async function twoStores() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-contract-'));
  const file = path.join(dir, 'plandesk.db');
  const store = openSqliteStore(file);
  const other = openSqliteStore(file);
  return {
    store,
    other,
    async cleanup() {
      await store.close();
      await other.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeOutboxContract('SQLite', twoStores);
describeJobsContract('SQLite', twoStores);
describeConversationsContract('SQLite', twoStores);
