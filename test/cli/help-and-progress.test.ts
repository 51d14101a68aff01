import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { CliContext } from '../../src/cli/cli-context';
import { cliLanguage, runCli } from '../../src/cli/run-cli';
import { progressOf, type ProgressSink } from '../../src/cli/progress';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { openSeededStore } from '../../src/samples/seed-samples';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';

const samples = join(__dirname, '../../config/samples');

/** Runs the CLI in-process on a SQLite file in `dir`; `progress` stands for a terminal's stderr. */
async function plandesk(dir: string, argv: string[], progress?: ProgressSink) {
  const out: string[] = [];
  const err: string[] = [];
  const clock = { now: () => new Date('2026-12-01T10:00:00+08:00') };
  const calendar = createWorkingCalendar();
  const ctx: CliContext = {
    lang: cliLanguage(argv),
    clock,
    calendar,
    newId: randomUUID,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    openStore: async () =>
      (
        await openSeededStore(
          { store: 'sqlite', dbPath: join(dir, 'plandesk.db'), samplesDir: samples },
          { clock, calendar, newId: randomUUID },
        )
      ).store,
    tick: () => Promise.reject(new Error('no tick here')),
    progress,
  };
  const code = await runCli(argv, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A terminal whose clock advances a second each time it is read. */
function fakeTerminal() {
  const lines: string[] = [];
  let ms = 0;
  let ended = 0;
  const sink: ProgressSink = {
    show: (line) => lines.push(line),
    end: () => (ended += 1),
    now: () => (ms += 1000),
  };
  return { sink, lines, ended: () => ended };
}

describe('plandesk help, refusals and progress', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-help-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([['--help'], ['-h'], ['help']])('plandesk %s prints every command and exits 0', async (flag) => {
    const { code, out, err } = await plandesk(dir, [flag, '--lang', 'en']);
    expect(code).toBe(0);
    expect(err).toBe('');
    for (const command of ['preview', 'simulate', 'migrate', 'audit verify', 'export applications', 'report'])
      expect(out).toContain(`  ${command}`);
  });

  it.each([
    [['migrate', '--help'], 'migrate --from'],
    [['catalog', 'import', '-h'], 'catalog import'],
    [['export', 'audit', '--from', '2026-01-01', '--help'], 'export audit'],
  ])('plandesk %j prints that command’s usage alone, in Chinese by default', async (argv, usage) => {
    const { code, out, err } = await plandesk(dir, argv);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.startsWith(`用法:plandesk ${usage}`)).toBe(true);
    expect(out).not.toContain('preview --application');
  });

  it('names an unknown option in the reader’s language, with the command’s usage, exit 2', async () => {
    const zh = await plandesk(dir, ['migrate', '--frm', 'sqlite:x.db']);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('不认识的选项 --frm。');
    expect(zh.err).toContain('用法:plandesk migrate');
    expect(zh.err).not.toMatch(/Unknown option/);
    const en = await plandesk(dir, ['simulate', '--policy', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('The option --policy needs a value.');
  });

  it('refuses a database written by a newer schema, naming both versions, and changes nothing', async () => {
    const file = join(dir, 'plandesk.db');
    await (
      await plandesk(dir, ['report', '2026-11', '--json'])
    ).code;
    const known = Math.max(...MIGRATIONS.map((m) => m.version));
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', 'x')").run(
      known + 1,
    );
    db.close();
    expect(() => openSqliteStore(file)).toThrow(`schema version ${known + 1}`);
    const { code, err } = await plandesk(dir, ['report', '2026-11']);
    expect(code).toBe(2);
    expect(err).toContain(`结构版本 ${known + 1}`);
    expect(err).toContain(`结构版本 ${known}`);
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: known + 1 });
    after.close();
  });

  it('shows a simulation’s count, rate and time left on a terminal, and nothing when stderr is not one', async () => {
    const draft = join(samples, 'policy.yaml');
    const terminal = fakeTerminal();
    const shown = await plandesk(dir, ['simulate', '--policy', draft, '--lang', 'en'], terminal.sink);
    expect(shown.code).toBe(0);
    const replayed = (JSON.parse(shown.out) as { replayed: number }).replayed;
    expect(replayed).toBeGreaterThan(0);
    expect(terminal.lines.at(-1)).toMatch(new RegExp(`^replaying: ${replayed} / ${replayed} items, [\\d.]+/s`));
    expect(terminal.ended()).toBe(1);
    const piped = await plandesk(dir, ['simulate', '--policy', draft]);
    expect(piped.code).toBe(0);
    expect(piped.err).toBe('');
  });

  it('estimates the time left from the rate so far', () => {
    const terminal = fakeTerminal();
    const progress = progressOf({ lang: 'en-US', progress: terminal.sink }, 'migrate');
    progress.total(100);
    progress.add(10); // one second after the start: 10/s, 90 left
    expect(terminal.lines).toEqual(['migrating: 10 / 100 items, 10/s, about 9 s left']);
    progress.done();
    expect(terminal.ended()).toBe(1);
  });
});
