import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportApplications } from '../../src/app/export/export-applications';
import { exportAudit } from '../../src/app/export/export-audit';
import { chainHash, GENESIS } from '../../src/store/audit-chain';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Desk } from '../app/approval/desk';
import { freshDatabase, startCosmosTarget, type CosmosTarget } from '../store/support/cosmos-target';
import { csvRows, deskOn, plandesk, threePlans } from './support/export-desk';

/**
 * Whether an audit export holds its chains whole: within each chain (the Chain column), in order of
 * Position, every entry's hash before is the hash of the one before it (64 zeros for the first), and
 * its hash is what the entry's cells recompute to. What an auditor can check from the file alone.
 */
function chainsInFile(rows: string[][]): { chains: number; broken: string[] } {
  const byChain = new Map<string, string[][]>();
  for (const row of rows) byChain.set(row[0] ?? '', [...(byChain.get(row[0] ?? '') ?? []), row]);
  const broken: string[] = [];
  for (const [chain, links] of byChain) {
    let prev = GENESIS;
    for (const [, position, at, actor, , action, subject, before, after, prevHash, hash] of links.sort(
      (a, b) => Number(a[1]) - Number(b[1]),
    )) {
      const entry = {
        at: at ?? '',
        actor: actor ?? '',
        action: action ?? '',
        subject: subject ?? '',
        before: JSON.parse(before ?? 'null'),
        after: JSON.parse(after ?? 'null'),
      };
      if (prevHash !== prev || chainHash(prev, entry) !== hash) broken.push(`${chain} #${position}`);
      prev = hash ?? '';
    }
  }
  return { chains: byChain.size, broken };
}

/**
 * The exports on Cosmos DB (cosmosdb-server in this process, or COSMOS_ENDPOINT) against the same
 * exports on SQLite, from the same data written by the same use cases at the same times.
 */
describe('plandesk export on Cosmos DB', () => {
  let target: CosmosTarget;
  let sqlite: Desk;
  let cosmos: Desk;
  let dir: string;
  beforeAll(async () => {
    target = await startCosmosTarget();
    dir = mkdtempSync(join(tmpdir(), 'plandesk-export-cosmos-'));
    sqlite = await deskOn(openSqliteStore(join(dir, 'plandesk.db')));
    const database = freshDatabase(target);
    cosmos = await deskOn(await database.open(), () => database.cleanup());
    await threePlans(sqlite);
    await threePlans(cosmos);
  }, 60_000);
  afterAll(async () => {
    await sqlite?.close();
    await cosmos?.close();
    await target?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  let files = 0;
  /** `plandesk export …` on a desk's store to a new file; exit 0 expected. */
  async function exported(desk: Desk, args: string[], ext = 'csv'): Promise<string> {
    const file = join(dir, `${(files += 1)}.${ext}`);
    const { code, err } = await plandesk(desk, ['export', ...args, '--out', file]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    return file;
  }

  it.each([['zh-CN'], ['en-US']])(
    'should export the applications in %s row for row and cell for cell as SQLite does',
    async (lang) => {
      const args = ['applications', '--lang', lang === 'en-US' ? 'en' : 'zh'];
      const onCosmos = csvRows(await exported(cosmos, args));
      expect(onCosmos).toEqual(csvRows(await exported(sqlite, args)));
      expect(onCosmos.map((r) => r[0])).toEqual([
        lang === 'en-US' ? 'Plan number' : '方案编号',
        'PP-2026-000003',
        'PP-2026-000002',
        'PP-2026-000001',
      ]);
      // The spot-check finding, read from the audit trail across partitions, and the formula-like customer, escaped.
      expect(onCosmos[3]?.at(-1)).toMatch(/补贴凭证缺失$/);
      expect(onCosmos[2]?.[3]).toBe(`'=HYPERLINK("http://x","y")`);
    },
  );

  it.each([
    [['--state', 'returned']],
    [['--state', 'returned', '--state', 'in_review']],
    [['--unit', 'minhang-branch']],
    [['--from', '2026-12-02', '--to', '2026-12-02']],
    [['--from', '2026-12-02']],
    [['--unit', 'pudong-branch', '--to', '2026-12-01']],
  ])('should narrow the applications by %p as SQLite does', async (filter) => {
    const onCosmos = csvRows(await exported(cosmos, ['applications', ...filter]));
    expect(onCosmos).toEqual(csvRows(await exported(sqlite, ['applications', ...filter])));
  });

  it('should write the same workbook as SQLite does', async () => {
    const rowsOf = async (file: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const rows: unknown[][] = [];
      workbook.getWorksheet(1)?.eachRow((row) => rows.push(row.values as unknown[]));
      return rows;
    };
    const onCosmos = await rowsOf(await exported(cosmos, ['applications'], 'xlsx'));
    expect(onCosmos).toHaveLength(4);
    expect(onCosmos).toEqual(await rowsOf(await exported(sqlite, ['applications'], 'xlsx')));
  });

  it('should export the same audit entries in the same order, each chain in the file whole, its hashes recomputed', async () => {
    const [header, ...onCosmos] = csvRows(await exported(cosmos, ['audit', '--lang', 'en']));
    const [sqliteHeader, ...onSqlite] = csvRows(await exported(sqlite, ['audit', '--lang', 'en']));
    expect(header).toEqual(sqliteHeader);
    // Time, actor id and name, action, subject, before and after: the same entries, in the order they were written.
    const entries = (rows: string[][]) => rows.map((r) => r.slice(2, 9));
    expect(entries(onCosmos)).toEqual(entries(onSqlite));
    expect(onCosmos.length).toBeGreaterThan(10);
    // SQLite keeps one chain; Cosmos DB one per partition, each recomputable from the file alone.
    expect(chainsInFile(onSqlite)).toEqual({ chains: 1, broken: [] });
    const cosmosChains = chainsInFile(onCosmos);
    expect(cosmosChains.broken).toEqual([]);
    expect(cosmosChains.chains).toBeGreaterThan(3);
    expect(onCosmos.filter((r) => r[6] === 'PP-2026-000002').map((r) => [r[0], r[1], r[5]])).toEqual([
      ['PP-2026-000002', '1', 'submit'],
      ['PP-2026-000002', '2', 'decide.return'],
    ]);
  });

  it('should export the audit entries of the same Shanghai days as SQLite does', async () => {
    const args = ['audit', '--from', '2026-12-02', '--to', '2026-12-03'];
    const onCosmos = csvRows(await exported(cosmos, args)).map((r) => r.slice(2, 9));
    expect(onCosmos).toEqual(csvRows(await exported(sqlite, args)).map((r) => r.slice(2, 9)));
    expect(onCosmos.slice(1).map((r) => `${r[3]} ${r[4]}`)).toEqual([
      'submit PP-2026-000002',
      'decide.return PP-2026-000002',
      'submit PP-2026-000003',
      'spot_check.draw spotcheck:2026-12',
      'spot_check.finding PP-2026-000001',
      'spot_check.finding spotcheck:2026-12',
    ]);
  });

  it('should read the same rows a page at a time, across page boundaries, as in one page', async () => {
    const applications = async (pageSize: number) => {
      const ids: string[] = [];
      await exportApplications(cosmos.store, {}, { write: async (row) => void ids.push(row.id) }, { pageSize });
      return ids;
    };
    expect(await applications(1)).toEqual(await applications(200));
    const audit = async (pageSize: number) => {
      const hashes: (string | null)[] = [];
      const query = { from: '2026-12-02T00:00:00.000Z' };
      await exportAudit(cosmos.store, query, { write: async (row) => void hashes.push(row.hash) }, { pageSize });
      return hashes;
    };
    const whole = await audit(200);
    expect(whole.length).toBeGreaterThan(3);
    expect(await audit(2)).toEqual(whole);
  });
});
