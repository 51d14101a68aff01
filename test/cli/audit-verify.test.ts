import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CliContext } from '../../src/cli/cli-context';
import { cliLanguage, runCli } from '../../src/cli/run-cli';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { openSeededStore } from '../../src/samples/seed-samples';
import type { AuditKeys } from '../../src/store/audit-checkpoint';

const samples = join(__dirname, '../../config/samples');

const KEY = 'q3X0m9pZ4k2VbN8s1cR7tY6uW5eA0dLfGhJkPoIuYtRe=';

/**
 * Runs the CLI in-process against a real SQLite file, seeded with the samples (whose imports are
 * audited), with PLANDESK_AUDIT_KEY (and PLANDESK_AUDIT_PREVIOUS_KEY) as `auditKeys` says.
 */
async function plandesk(dbPath: string, argv: string[], auditKeys?: AuditKeys) {
  const out: string[] = [];
  const clock = { now: () => new Date('2026-12-01T10:00:00+08:00') };
  const calendar = createWorkingCalendar();
  const ctx: CliContext = {
    lang: cliLanguage(argv),
    clock,
    calendar,
    newId: randomUUID,
    out: (text) => out.push(text),
    err: (text) => out.push(text),
    openStore: async () =>
      (
        await openSeededStore(
          { store: 'sqlite', dbPath, samplesDir: samples, ...(auditKeys ? { auditKeys } : {}) },
          { clock, calendar, newId: randomUUID },
        )
      ).store,
    tick: async () => {
      throw new Error('not used');
    },
  };
  const code = await runCli(argv, ctx);
  return { code, out: out.join('\n') };
}

describe('plandesk audit verify', () => {
  let dir: string;
  let dbPath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-audit-'));
    dbPath = join(dir, 'plandesk.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** What someone with the sqlite3 shell can do: lift the append-only triggers, then change the file. */
  const behindTheStore = (sql: string) => {
    const db = new Database(dbPath);
    try {
      db.exec(`DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; ${sql}`);
    } finally {
      db.close();
    }
  };

  it("says the trail is intact and how many entries it holds (the samples' three imports and three filings), exit 0", async () => {
    expect(await plandesk(dbPath, ['audit', 'verify'])).toEqual({
      code: 0,
      out: [
        '审计记录完整:共 6 条,分属 1 条链,均与写入时一致,没有缺失。',
        '未签名(unsigned):没有设置 PLANDESK_AUDIT_KEY,检查点未经核对;有存储写权限的人可以连同检查点一起改写或删除链尾的记录,核验看不出来。',
      ].join('\n'),
    });
  });

  it('says every checkpoint carries a valid signature when PLANDESK_AUDIT_KEY is set, exit 0', async () => {
    expect(await plandesk(dbPath, ['audit', 'verify', '--lang', 'en'], { key: KEY })).toEqual({
      code: 0,
      out: [
        'The audit trail is intact: 6 entries, 1 chain(s) walked, each entry as it was written and none missing.',
        "Every chain's checkpoint carries a valid signature made with PLANDESK_AUDIT_KEY.",
      ].join('\n'),
    });
  });

  it('names the checkpoint when the last rows were removed and it was rolled back with raw SQL, exit 1', async () => {
    await plandesk(dbPath, ['audit', 'verify'], { key: KEY });
    behindTheStore(`
      DELETE FROM audit WHERE id > 4;
      UPDATE audit_head SET position = 4, hash = (SELECT hash FROM audit WHERE id = 4);
      UPDATE sqlite_sequence SET seq = 4 WHERE name = 'audit';
    `);
    expect(await plandesk(dbPath, ['audit', 'verify', '--lang', 'en'], { key: KEY })).toEqual({
      code: 1,
      out: "The audit trail is broken at the trail's checkpoint (which records the chain as ending at entry #4): its signature was not made with PLANDESK_AUDIT_KEY: the checkpoint was rewritten with the entries before it, or rolled back to hide entries removed from the end (or it was signed with another key).",
    });
    // Without the key the same file looks whole: the hashes alone cannot tell.
    expect((await plandesk(dbPath, ['audit', 'verify'])).code).toBe(0);
  });

  it('signs the checkpoint written before the key was set with audit sign, after which verify passes', async () => {
    await plandesk(dbPath, ['audit', 'verify']);
    expect(await plandesk(dbPath, ['audit', 'verify'], { key: KEY })).toEqual({
      code: 1,
      out: expect.stringMatching(
        /^审计记录在链的检查点处断裂\(检查点记载链至第 6 条为止\):已设置 PLANDESK_AUDIT_KEY,检查点却没有签名/,
      ),
    });
    expect(await plandesk(dbPath, ['audit', 'sign', '--lang', 'en'])).toEqual({
      code: 2,
      out: 'PLANDESK_AUDIT_KEY is not set: there is no key to sign the checkpoints with.',
    });
    expect(await plandesk(dbPath, ['audit', 'sign', '--lang', 'en'], { key: KEY })).toEqual({
      code: 0,
      out: 'Signed 1 checkpoint(s) with PLANDESK_AUDIT_KEY; the audit trail is intact: 6 entries, 1 chain(s) walked.',
    });
    expect((await plandesk(dbPath, ['audit', 'verify'], { key: KEY })).code).toBe(0);
  });

  it('refuses to sign over a checkpoint another key signed, exit 1', async () => {
    await plandesk(dbPath, ['audit', 'verify'], { key: 'another key, 32 characters or more' });
    const { code, out } = await plandesk(dbPath, ['audit', 'sign', '--lang', 'en'], { key: KEY });
    expect(code).toBe(1);
    expect(out).toMatch(
      /^The audit trail is broken at the trail's checkpoint .*its signature was not made with PLANDESK_AUDIT_KEY/,
    );
    expect(out).toMatch(/\nNothing after it was signed: the checkpoint of a broken chain is never signed\.$/);
  });

  it('names the entry changed with raw SQL, exit 1', async () => {
    await plandesk(dbPath, ['audit', 'verify']);
    behindTheStore("UPDATE audit SET actor = 'someone.else' WHERE id = 2");
    const { code, out } = await plandesk(dbPath, ['audit', 'verify', '--lang', 'en']);
    expect(code).toBe(1);
    expect(out).toMatch(
      /^The audit trail is broken at entry #2 \(\S+, policy\.import, policy\): its content no longer matches the hash written with it/,
    );
  });

  it('names the entry after one removed with raw SQL, and notices the last one removed, exit 1', async () => {
    await plandesk(dbPath, ['audit', 'verify']);
    behindTheStore('DELETE FROM audit WHERE id = 6');
    expect(await plandesk(dbPath, ['audit', 'verify', '--lang', 'en'])).toEqual({
      code: 1,
      out: expect.stringMatching(
        /^The audit trail is broken at entry #6 \(the last one left is \S+, submit, PP-2026-\d{6}\): the chain ends before the last entry the store recorded/,
      ),
    });
    behindTheStore('DELETE FROM audit WHERE id = 1');
    expect(await plandesk(dbPath, ['audit', 'verify'])).toEqual({
      code: 1,
      out: expect.stringMatching(/^审计记录在第 2 条处断裂\(\S+,policy\.import,policy\):未与前一条相链/),
    });
  });
});
