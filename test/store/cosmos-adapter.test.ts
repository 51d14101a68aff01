import type { Job } from '../../src/app/ports/jobs';
import type { OutboxMessage, Store } from '../../src/app/ports/store';
import type { ApplicationRecord } from '../../src/app/records/application-record';
import { reportFactsOf, type ReportFacts } from '../../src/app/records/report-facts';
import { CONTAINER_ID, INDEXED_PATHS } from '../../src/store/cosmos/container-setup';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { ITEM_IDS, PARTITIONS } from '../../src/store/cosmos/item-keys';
import { afterAction, auditOf, sampleRecord, savesOfALife } from './fixtures';
import { freshDatabase, startCosmosTarget, type CosmosDatabase, type CosmosTarget } from './support/cosmos-target';

const OPS = 'wang.fang@plandesk.example';
const T0 = '2026-12-02T03:00:00.000Z';
const nudge = (applicationId: string, minutes: number): Job => ({
  id: `${applicationId}:step.nudge:${minutes}`,
  kind: 'step.nudge',
  applicationId,
  dueAt: new Date(Date.parse(T0) + minutes * 60_000).toISOString(),
  payload: {},
});
const notice = (id: string, applicationId: string | null): OutboxMessage => ({
  id,
  createdAt: T0,
  kind: 'text',
  applicationId,
  to: { kind: 'person', id: 'ana' },
  key: 'notice.approved',
  params: { id: applicationId ?? '—' },
});

describe('the Cosmos DB store', () => {
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
  /** The items of one logical partition, as the Data Explorer would list them. */
  const partition = async (pk: string) =>
    (
      await container()
        .items.query<{ id: string; type: string; pk: string }>(
          { query: 'SELECT c.id, c.type, c.pk FROM c WHERE c.pk = @pk', parameters: [{ name: '@pk', value: pk }] },
          { partitionKey: pk },
        )
        .fetchAll()
    ).resources.filter((item) => item.pk === pk);

  it('should create its database and container when missing, partitioned by /pk and indexed only where it queries', async () => {
    await database.open();
    const { resource } = await container().read();
    expect(resource?.partitionKey?.paths).toEqual(['/pk']);
    expect(resource?.indexingPolicy?.includedPaths?.map((p) => p.path)).toEqual([...INDEXED_PATHS]);
    expect(resource?.indexingPolicy?.excludedPaths?.map((p) => p.path)).toContain('/*');
    // Opening it again finds it as it is.
    await database.open();
  });

  it('should refuse a container of the same name partitioned by something else', async () => {
    const { database: db } = await database.client.databases.createIfNotExists({ id: database.name });
    await db.containers.create({ id: CONTAINER_ID, partitionKey: { paths: ['/id'] } });
    await expect(database.open()).rejects.toThrow(
      `container "${CONTAINER_ID}" in "${database.name}" is partitioned by /id, not /pk`,
    );
  });

  it('should add the index paths an existing container lacks', async () => {
    const { database: db } = await database.client.databases.createIfNotExists({ id: database.name });
    await db.containers.create({
      id: CONTAINER_ID,
      partitionKey: { paths: ['/pk'] },
      indexingPolicy: { includedPaths: [{ path: '/type/?' }], excludedPaths: [{ path: '/*' }] },
    });
    await database.open();
    const { resource } = await container().read();
    expect(resource?.indexingPolicy?.includedPaths?.map((p) => p.path).sort()).toEqual([...INDEXED_PATHS].sort());
  });

  it("should commit a decision with its report facts, audit entry, messages and jobs in the application's partition, with point reads and one batch", async () => {
    const store = await database.open();
    const record = sampleRecord('PP-2027-000001');
    await store.applications.create(
      record,
      [auditOf(null, record, record.input.applicant, 'submit')],
      [notice('m1', record.id)],
      [nudge(record.id, 60)],
    );
    store.charges.reset();

    const read = await store.applications.get(record.id);
    if (!read) throw new Error('the created application was not found');
    const approved = afterAction(read, OPS, 'ops_review.approve', T0);
    const saved = await store.applications.update(
      approved,
      read.version,
      [auditOf(read, approved, OPS, 'decide.approve')],
      [notice('m2', record.id)],
      [nudge(record.id, 120)],
    );

    expect(saved.ok).toBe(true);
    // A point read, the one in-partition query that finds the jobs it replaces, and the batch: nothing across partitions
    // (the audit chain's head is known from the create, so it is not read).
    expect(store.charges.byOperation()).toEqual({
      'applications.get': { requests: 1, requestCharge: expect.any(Number) },
      'applications.update snapshot': { requests: 1, requestCharge: expect.any(Number) },
      'applications.update': { requests: 1, requestCharge: expect.any(Number) },
    });
    const items = await partition(record.id);
    expect(items.map((i) => i.type).sort()).toEqual([
      'application',
      'audit',
      'audit',
      'audit-head',
      'job',
      'job',
      'outbox',
      'outbox',
      'report-facts',
    ]);
    expect((await store.jobs.pendingFor(record.id)).map((j) => j.id)).toEqual([`${record.id}:step.nudge:120`]);
  });

  it('should give the applications stored before report facts existed theirs at the first report, once for the container', async () => {
    const store = await database.open();
    const expired = savesOfALife('PP-2027-000002').life.at(-1)?.[1] as ApplicationRecord;
    const records = [sampleRecord('PP-2027-000001'), expired];
    for (const record of records) await store.applications.create(record, [], [], []);
    // As an earlier version left them: applications without report facts beside them.
    for (const [kind, pk] of [
      ['case', 'PP-2027-000001'],
      ['case', expired.id],
      ['plan', expired.id],
    ] as const)
      await container().item(ITEM_IDS.reportFacts(kind), pk).delete();
    // A container this version created notes that it has nothing to fill; one from before has no such note.
    await container().item(ITEM_IDS.reportFactsFilled, PARTITIONS.upkeep).delete();
    const inOrder = (facts: ReportFacts[]) => facts.map((f) => JSON.stringify(f)).sort();
    const factsOf = async (s: Store) => {
      const found: ReportFacts[] = [];
      const span = { from: '2026-12-01T00:00:00.000Z', before: '2027-01-01T00:00:00.000Z' };
      await s.applications.reportFacts(span, (f) => found.push(f));
      return inOrder(found);
    };

    expect(await factsOf(store)).toEqual(inOrder(records.flatMap(reportFactsOf)));
    expect((await partition(expired.id)).map((i) => i.id)).toEqual(
      expect.arrayContaining([ITEM_IDS.reportFacts('case'), ITEM_IDS.reportFacts('plan')]),
    );
    // Filled once: facts removed behind the store's back afterwards are not made again, on any instance.
    await container().item(ITEM_IDS.reportFacts('case'), 'PP-2027-000001').delete();
    expect(await factsOf(await database.open())).toEqual(inOrder(reportFactsOf(expired)));
  });

  it("should keep a recurring job's run and what it writes together in the recurring work's partition", async () => {
    const store = await database.open();
    await store.jobs.schedule([
      {
        id: 'recurring:ops.monthly_summary:2027-03',
        kind: 'ops.monthly_summary',
        applicationId: null,
        dueAt: T0,
        payload: {},
      },
    ]);
    await store.jobs.claimDue(new Date(T0), 10, 'me', new Date(Date.parse(T0) + 60_000));
    await store.jobs.complete('recurring:ops.monthly_summary:2027-03', 'me', new Date(T0), {
      outbox: [notice('summary', null)],
    });
    expect((await partition('~recurring')).map((i) => i.type).sort()).toEqual(['job', 'outbox']);
  });

  describe("a draft's claim (the applicant's draft partition)", () => {
    const claimOf = async (applicant: string, draftId: string) =>
      (await container().item(`draft:${draftId}`, `~drafts:${applicant}`).read<{ applicationId: string }>()).resource
        ?.applicationId ?? null;

    it('should take over a claim whose filing never landed (a crash between claim and batch), and never let that filing land afterwards', async () => {
      const store = await database.open();
      const crashed = { ...sampleRecord('PP-2027-000009'), draftId: 'draft-1' };
      await container().items.create({
        id: 'draft:draft-1',
        pk: `~drafts:${crashed.input.applicant}`,
        type: 'draft',
        applicationId: crashed.id,
      });
      const filed = { ...sampleRecord('PP-2027-000010'), draftId: 'draft-1' };
      expect(await store.applications.create(filed, [], [], [])).toEqual({ ok: true, value: filed });
      expect(await claimOf(filed.input.applicant, 'draft-1')).toBe(filed.id);
      // The crashed filing's batch, arriving late, starts with the partition's filing item: it is fenced off.
      const late = await container().items.batch(
        [
          {
            operationType: 'Create',
            partitionKey: crashed.id,
            resourceBody: { id: 'filing', pk: crashed.id, type: 'filing', by: 'filing' },
          },
        ],
        crashed.id,
      );
      expect(late.result?.[0]?.statusCode).toBe(409);
      // Submitted again, it is answered with the filed one.
      expect(await store.applications.create(crashed, [], [notice('late', crashed.id)], [])).toEqual({
        ok: false,
        error: { code: 'duplicate_draft', existing: filed },
      });
      expect(await store.applications.get(crashed.id)).toBeNull();
      expect(await store.outbox.get('late')).toBeNull();
    });

    it('should give up the claim of a filing that failed, so that the draft is filed afresh', async () => {
      const store = await database.open();
      await store.applications.create(sampleRecord('PP-2027-000001'), [], [], []);
      const collided = { ...sampleRecord('PP-2027-000001'), draftId: 'draft-2' };
      expect(await store.applications.create(collided, [], [], [])).toMatchObject({
        ok: false,
        error: { code: 'stale_version' },
      });
      expect(await claimOf(collided.input.applicant, 'draft-2')).toBeNull();
    });
  });

  it('should count and log the request charge of every operation, and start again from a reset', async () => {
    const lines: Record<string, unknown>[] = [];
    const store = await openCosmosStore({
      endpoint: target.endpoint,
      key: target.key,
      database: database.name,
      ...(target.agent ? { agent: target.agent } : {}),
      log: { debug: (message, fields) => lines.push({ message, ...fields }) },
    });
    try {
      await store.applications.nextNumber(2027);
      await store.applications.get('PP-2027-000404');
      expect(Object.keys(store.charges.byOperation()).sort()).toEqual(['applications.get', 'applications.nextNumber']);
      expect(store.charges.total()).toBeGreaterThan(0);
      expect(lines).toContainEqual({
        message: 'cosmos request',
        code: 'cosmos_request',
        operation: 'applications.get',
        requestCharge: expect.any(Number),
      });
      store.charges.reset();
      expect(store.charges.total()).toBe(0);
      expect(store.charges.byOperation()).toEqual({});
    } finally {
      await store.close();
    }
  });

  it('should name the item and the field of an application that no longer fits its schema', async () => {
    const store = await database.open();
    await store.applications.create(sampleRecord('PP-2027-000001'), [], [], []);
    const { resource } = await container()
      .item('application', 'PP-2027-000001')
      .read<{ body: { input: { tariffLines: { quantity: unknown }[] } } }>();
    if (!resource) throw new Error('the application item was not found');
    resource.body.input.tariffLines[0]!.quantity = 'two hundred';
    await container().items.upsert(resource);
    await expect(store.applications.get('PP-2027-000001')).rejects.toThrow(
      /"applications", row "PP-2027-000001": .*body\.input\.tariffLines\.0\.quantity/,
    );
  });

  it('should refuse an application id that could be taken for one of its own partitions', async () => {
    const store = await database.open();
    await expect(store.applications.create(sampleRecord('~catalog'), [], [], [])).rejects.toThrow(RangeError);
  });
});
