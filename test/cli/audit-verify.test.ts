import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CliContext } from '../../src/cli/cli-context';
import { cliLanguage, runCli } from '../../src/cli/run-cli';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { openSeededStore } from '../../src/samples/seed-samples';

const samples = join(__dirname, '../../config/samples');

/** Runs the CLI in-process against a real SQLite file, seeded with the samples (whose imports are audited). */
async function plandesk(dbPath: string, argv: string[]) {
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
      (await openSeededStore({ store: 'sqlite', dbPath, samplesDir: samples }, { clock, calendar, newId: randomUUID }))
        .store,
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
      out: '审计记录完整:共 6 条,分属 1 条链,均与写入时一致,没有缺失。',
    });
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
