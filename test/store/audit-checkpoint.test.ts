import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Store } from '../../src/app/ports/store';
import { auditEntrySchema } from '../../src/store/schemas/audit-schema';
import { CONTAINER_ID } from '../../src/store/cosmos/container-setup';
import { subjectPartition } from '../../src/store/cosmos/item-keys';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { describeAuditCheckpointContract, type ChainLink } from './support/audit-checkpoint-contract';
import { freshDatabase, startCosmosTarget, type CosmosTarget } from './support/cosmos-target';

/** SQLite: stores on one file; behind them, a plain connection with the append-only triggers dropped. */
describeAuditCheckpointContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-checkpoint-'));
  const file = path.join(dir, 'plandesk.db');
  const opened: Store[] = [];
  const raw = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete');
      return work(db);
    } finally {
      db.close();
    }
  };
  const rowSchema = z.object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    before: z.string(),
    after: z.string(),
    prev_hash: z.string(),
    hash: z.string(),
  });
  return {
    async open(keys) {
      const store = openSqliteStore(file, keys ? { auditKeys: keys } : {});
      opened.push(store);
      return store;
    },
    async cleanup() {
      for (const store of opened) await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    behind: {
      chainOf: () => '',
      links: async () =>
        raw((db) => db.prepare('SELECT * FROM audit ORDER BY id').all()).map((r): ChainLink => {
          const row = rowSchema.parse(r);
          const entry = { ...row, before: JSON.parse(row.before), after: JSON.parse(row.after) };
          return { position: row.id, entry: auditEntrySchema.parse(entry), prev: row.prev_hash, hash: row.hash };
        }),
      rewrite: async (_chain, { position, entry, prev, hash }) =>
        raw((db) => {
          db.prepare(
            'UPDATE audit SET at = ?, actor = ?, action = ?, subject = ?, before = ?, after = ?, prev_hash = ?, hash = ? WHERE id = ?',
          ).run(
            entry.at,
            entry.actor,
            entry.action,
            entry.subject,
            JSON.stringify(entry.before),
            JSON.stringify(entry.after),
            prev,
            hash,
            position,
          );
        }),
      remove: async (_chain, position) =>
        raw((db) => {
          db.prepare('DELETE FROM audit WHERE id = ?').run(position);
        }),
      moveCheckpoint: async (_chain, position, hash) =>
        raw((db) => {
          db.prepare('UPDATE audit_head SET position = ?, hash = ? WHERE id = 1').run(position, hash);
          db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'").run(position);
        }),
    },
  };
});

let target: CosmosTarget | undefined;
afterAll(async () => {
  await target?.stop();
});

const itemSchema = z.object({
  id: z.string(),
  position: z.number(),
  prev: z.string(),
  hash: z.string(),
  body: auditEntrySchema,
});

/** Cosmos DB: stores on one fresh database; behind them, a plain client on its container, as the Data Explorer has. */
describeAuditCheckpointContract('Cosmos DB', async () => {
  const database = freshDatabase((target ??= await startCosmosTarget()));
  const container = database.client.database(database.name).container(CONTAINER_ID);
  const items = async (pk: string) => {
    const { resources } = await container.items
      .query({
        query: 'SELECT * FROM c WHERE c.pk = @pk AND c.type = "audit" AND IS_DEFINED(c.position)',
        parameters: [{ name: '@pk', value: pk }],
      })
      .fetchAll();
    return resources
      .map((raw: unknown) => ({ raw: raw as Record<string, unknown>, item: itemSchema.parse(raw) }))
      .sort((a, b) => a.item.position - b.item.position);
  };
  const at = async (pk: string, position: number) => {
    const found = (await items(pk)).find((i) => i.item.position === position);
    if (!found) throw new Error(`no entry #${position} in partition ${pk}`);
    return found;
  };
  return {
    open: (keys) => database.open(keys),
    cleanup: () => database.cleanup(),
    behind: {
      chainOf: subjectPartition,
      links: async (pk) =>
        (await items(pk)).map(({ item }) => ({
          position: item.position,
          entry: item.body,
          prev: item.prev,
          hash: item.hash,
        })),
      async rewrite(pk, { position, entry, prev, hash }) {
        const { raw } = await at(pk, position);
        await container.item(String(raw.id), pk).replace({ ...raw, id: String(raw.id), body: entry, prev, hash });
      },
      async remove(pk, position) {
        const { item } = await at(pk, position);
        await container.item(item.id, pk).delete();
      },
      async moveCheckpoint(pk, position, hash) {
        const { resource } = await container.item('audit-head', pk).read<{ id: string }>();
        if (!resource) throw new Error(`no checkpoint in partition ${pk}`);
        await container.item('audit-head', pk).replace({ ...resource, position, hash });
      },
    },
  };
});
