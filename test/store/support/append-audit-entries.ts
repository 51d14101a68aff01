// One writer process of the SQLite concurrency test: from `startAt` (epoch ms, so that every writer has started by
// then), appends `count` views of `subject` to the store at `file`, signing its checkpoint with `key` when one is given.
import { auditEntry } from '../../../src/app/records/audit';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';

async function run(file: string, subject: string, count: number, startAt: number, key?: string): Promise<void> {
  const store = openSqliteStore(file, key ? { auditKeys: { key } } : {});
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  try {
    for (let i = 0; i < count; i += 1) {
      await store.audit.append([auditEntry(new Date(), `writer-${process.pid}`, 'view', subject, null, { i })]);
      // A breath between writes, as a bot's requests have, so the writers' transactions interleave.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  } finally {
    await store.close();
  }
}

void run(
  process.argv[2] ?? '',
  process.argv[3] ?? 'PP-2027-000001',
  Number(process.argv[4] ?? 1),
  Number(process.argv[5] ?? 0),
  process.argv[6],
).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
