import { randomUUID } from 'node:crypto';
import type { CliContext } from '../../src/cli/cli-context';
import { runCli } from '../../src/cli/run-cli';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { auditEntry } from '../../src/app/records/audit';
import { CONTAINER_ID } from '../../src/store/cosmos/container-setup';
import { afterAction, auditOf, sampleRecord } from './fixtures';
import { freshDatabase, startCosmosTarget, type CosmosDatabase, type CosmosTarget } from './support/cosmos-target';

const OPS = 'wang.fang@plandesk.example';
const T0 = new Date('2026-12-02T03:00:00.000Z');
const view = (subject: string, minute: number) =>
  auditEntry(new Date(T0.getTime() + minute * 60_000), OPS, 'view', subject, null, null);

describe("the Cosmos DB store's audit chains", () => {
  let target: CosmosTarget;
  let database: CosmosDatabase;
  beforeAll(async () => {
    target = await startCosmosTarget();
  });
  afterAll(async () => {
    await target.stop();
  });
  beforeEach(() => {
    database = freshDatabase(target);
  });
  afterEach(async () => {
    await database.cleanup();
  });

  const container = () => database.client.database(database.name).container(CONTAINER_ID);
  /** An audit item as the store wrote it before its trail was chained: no position, no hashes. */
  const unchainedItem = (pk: string, seq: string, minute: number) => ({
    id: `audit:${seq}`,
    pk,
    type: 'audit',
    seq,
    subject: pk,
    body: { ...view(pk, minute), before: null, after: null },
  });

  /** `plandesk audit verify` on this database, as the CLI runs it (with PLANDESK_AUDIT_KEY when `key` is given). */
  async function auditVerify(lang: 'en' | 'zh', key?: string) {
    const out: string[] = [];
    const ctx: CliContext = {
      lang: lang === 'en' ? 'en-US' : 'zh-CN',
      clock: { now: () => T0 },
      calendar: createWorkingCalendar(),
      newId: randomUUID,
      out: (text) => out.push(text),
      err: (text) => out.push(text),
      openStore: () => database.open(key ? { key } : undefined),
      tick: async () => {
        throw new Error('not used');
      },
    };
    const code = await runCli(['audit', 'verify', ...(lang === 'en' ? ['--lang', 'en'] : [])], ctx);
    return { code, out: out.join('\n') };
  }

  it('should say a partition is intact and how many entries, and name the entry a Data Explorer user changed', async () => {
    const store = await database.open();
    const record = sampleRecord('PP-2027-000001');
    await store.applications.create(record, [auditOf(null, record, record.input.applicant, 'submit')], [], []);
    const decided = afterAction(record, OPS, 'ops_review.approve', T0.toISOString());
    await store.applications.update(decided, 1, [auditOf(record, decided, OPS, 'decide.approve')], [], []);
    expect(await auditVerify('en')).toEqual({
      code: 0,
      out: [
        'The audit trail is intact: 2 entries, 1 chain(s) walked, each entry as it was written and none missing.',
        "unsigned: PLANDESK_AUDIT_KEY is not set, so no checkpoint was checked; someone with write access to the store could rewrite or remove a chain's last entries together with its checkpoint, and this would not show it.",
      ].join('\n'),
    });

    const { resources } = await container()
      .items.query<{ id: string; pk: string; position: number; body: { after: unknown } }>(
        'SELECT * FROM c WHERE c.type = "audit"',
      )
      .fetchAll();
    const second = resources.find((item) => item.position === 2);
    if (!second) throw new Error('no second entry');
    await container()
      .item(second.id, second.pk)
      .replace({ ...second, body: { ...second.body, after: 'approved' } });

    expect(await auditVerify('en')).toEqual({
      code: 1,
      out: expect.stringMatching(
        `^The audit trail is broken at entry #2 of partition ${record.id} \\(2026-12-02T03:00:00.000Z, decide.approve, ${record.id}\\): its content no longer matches the hash written with it: it was changed after it was written.\nunsigned: `,
      ),
    });
    expect((await auditVerify('zh')).out).toMatch(
      `审计记录在分区 ${record.id} 的第 2 条处断裂(2026-12-02T03:00:00.000Z,decide.approve,${record.id}):内容与写入时记下的哈希不符:写入后被改动过。\n未签名(unsigned):`,
    );
  });

  it('should name the partition whose last entry was removed and its checkpoint rolled back, given the key', async () => {
    const key = 'q3X0m9pZ4k2VbN8s1cR7tY6uW5eA0dLfGhJkPoIuYtRe=';
    const store = await database.open({ key });
    await store.audit.append([view('PP-2027-000001', 0), view('PP-2027-000001', 1)]);
    await store.audit.append([view('PP-2027-000002', 2)]);
    expect((await auditVerify('en', key)).out).toContain(
      "Every chain's checkpoint carries a valid signature made with PLANDESK_AUDIT_KEY.",
    );

    const { resources } = await container()
      .items.query<{ id: string; pk: string; position: number; hash: string }>(
        'SELECT * FROM c WHERE c.pk = "PP-2027-000001" AND (c.type = "audit" OR c.type = "audit-head")',
      )
      .fetchAll();
    const [first, second] = resources.filter((i) => i.id !== 'audit-head').sort((a, b) => a.position - b.position);
    const head = resources.find((i) => i.id === 'audit-head');
    if (!first || !second || !head) throw new Error('the partition lacks its entries or its head');
    await container().item(second.id, second.pk).delete();
    await container()
      .item(head.id, head.pk)
      .replace({ ...head, position: 1, hash: first.hash });

    expect(await auditVerify('en', key)).toEqual({
      code: 1,
      out: 'The audit trail is broken at the checkpoint of partition PP-2027-000001 (which records the chain as ending at entry #1): its signature was not made with PLANDESK_AUDIT_KEY: the checkpoint was rewritten with the entries before it, or rolled back to hide entries removed from the end (or it was signed with another key).',
    });
    expect((await auditVerify('zh', key)).out).toMatch(/^审计记录在分区 PP-2027-000001 的检查点处断裂/);
    // Without the key, the hashes alone cannot tell: the partition looks whole.
    expect((await auditVerify('en')).code).toBe(0);
  });

  it('should count the entries written before the chain as covered by none, and chain new ones after them', async () => {
    const store = await database.open();
    await container().items.create(unchainedItem('PP-2027-000001', '00000000000000000.000000000001.sqlite', 0));
    await container().items.create(unchainedItem('PP-2027-000001', '00000000000000000.000000000002.sqlite', 1));
    expect(await store.audit.verify()).toMatchObject({ entries: 0, chains: 0, unchained: 2, broken: null });

    await store.audit.append([view('PP-2027-000001', 2)]);
    expect(await store.audit.verify()).toMatchObject({ entries: 1, chains: 1, unchained: 2, broken: null });
    expect((await auditVerify('en')).out).toContain(
      '2 entries written before the trail was chained are covered by no chain',
    );
  });

  it('should name an entry without hashes written after the chain began as written behind the store', async () => {
    const store = await database.open();
    await store.audit.append([view('PP-2027-000001', 0)]);
    await container().items.create(unchainedItem('PP-2027-000001', '99999999999999999.00000001.forged', 5));
    expect((await store.audit.verify()).broken).toEqual({
      chain: 'PP-2027-000001',
      position: null,
      entry: { at: '2026-12-02T03:05:00.000Z', action: 'view', subject: 'PP-2027-000001' },
      problem: 'unchained',
    });
  });

  it('should refuse to append to a partition whose chain head was removed, rather than fork its chain', async () => {
    await (await database.open()).audit.append([view('PP-2027-000001', 0)]);
    await container().item('audit-head', 'PP-2027-000001').delete();
    const other = await database.open();
    await expect(other.audit.append([view('PP-2027-000001', 1)])).rejects.toThrow(
      'partition PP-2027-000001 holds chained audit entries but no chain head',
    );
    expect((await other.audit.verify()).broken).toMatchObject({ problem: 'unlinked', position: 1 });
  });
});
