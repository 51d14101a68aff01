import type { Job } from '../../src/app/ports/jobs';
import type { ApplicationQuery, OutboxMessage, Store } from '../../src/app/ports/store';
import type { ApplicationRecord } from '../../src/app/records/application-record';
import { auditEntry } from '../../src/app/records/audit';
import { reportFactsOf, type ReportFacts } from '../../src/app/records/report-facts';
import { policyInForce } from '../../src/domain/policy';
import { openStepsOf } from '../../src/app/records/list-keys';
import {
  afterAction,
  auditOf,
  sampleCatalog,
  sampleDirectory,
  samplePolicy,
  sampleRecord,
  savesOfALife,
} from './fixtures';

/** A fresh, empty store; `reopen` opens the same data again; `cleanup` closes every store it opened and removes the data. */
export interface StoreHarness {
  store: Store;
  reopen: () => Promise<Store>;
  cleanup: () => Promise<void>;
}

const OPS = 'wang.fang@plandesk.example';
const HEAD = 'liu.qiang@plandesk.example';
const ADMIN = 'zhou.jie@plandesk.example';

const notice = (id: string, applicationId: string): OutboxMessage => ({
  id,
  createdAt: '2026-12-02T03:00:00.000Z',
  kind: 'text',
  applicationId,
  to: { kind: 'person', id: OPS },
  key: 'reminder.step',
  params: { id: applicationId },
});
/** Every piece of report facts a store hands over for a span of time, in an order of their own. */
const factsIn = async (store: Store, from: string, before: string): Promise<ReportFacts[]> => {
  const found: ReportFacts[] = [];
  await store.applications.reportFacts({ from, before }, (facts) => found.push(facts));
  return inOrder(found);
};
const inOrder = (facts: ReportFacts[]) => facts.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
/** A piece by what it is: a case by its state, or a plan. */
const pieceName = (facts: ReportFacts) => (facts.kind === 'case' ? facts.state : 'plan');
const ALL_TIME = ['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'] as const;

const nudge = (name: string, applicationId: string): Job => ({
  id: `${applicationId}:${name}`,
  kind: 'step.nudge',
  applicationId,
  dueAt: '2026-12-03T01:00:00.000Z',
  payload: {},
});

/** Files the first record of a life and saves each next one over it, handing each save as stored to `after`. */
async function saveEach(
  store: Store,
  life: readonly (readonly [string, ApplicationRecord])[],
  after: (save: string, saved: ApplicationRecord) => Promise<void>,
): Promise<void> {
  let version = 0;
  for (const [save, record] of life) {
    const saved =
      version === 0
        ? await store.applications.create(record, [], [], [])
        : await store.applications.update(record, version, [], [], []);
    if (!saved.ok) throw new Error(`${save}: ${saved.error.code}`);
    version = saved.value.version;
    await after(save, saved.value);
  }
}

/**
 * The behaviour every store adapter promises the use cases, as one suite each adapter runs
 * against its real backend.
 */
export function describeStoreContract(name: string, openStore: () => Promise<StoreHarness>): void {
  describe(`${name} store contract`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await openStore();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    describe('applications', () => {
      it('should give back a created application exactly as filed, at version 1', async () => {
        const record = sampleRecord('PP-2027-000001');
        const created = await store.applications.create(
          record,
          [auditOf(null, record, record.input.applicant, 'submit')],
          [],
          [],
        );
        expect(created).toEqual({ ok: true, value: { ...record, version: 1 } });
        expect(await store.applications.get(record.id)).toEqual({ ...record, version: 1 });
      });

      it('should save an update at the next version and return the record as saved', async () => {
        const record = sampleRecord('PP-2027-000001');
        await store.applications.create(record, [], [], []);
        const changed = afterAction(record, OPS, 'ops_review.approve', '2026-12-02T03:00:00.000Z');
        const saved = await store.applications.update(
          changed,
          1,
          [auditOf(record, changed, OPS, 'decide.approve')],
          [],
          [],
        );
        expect(saved).toEqual({ ok: true, value: { ...changed, version: 2 } });
        expect(await store.applications.get(record.id)).toEqual({ ...changed, version: 2 });
      });

      it('should keep a plan ops ended early, with what its evaluations found short', async () => {
        const record = sampleRecord('PP-2027-000001');
        await store.applications.create(record, [], [], []);
        const ended: ApplicationRecord = {
          ...record,
          state: 'active',
          evaluations: [
            {
              period: 1,
              reportedAt: '2027-04-02T02:00:00.000Z',
              reportedBy: record.input.applicant,
              actualRevenueFen: 2_000_000,
              actualSubscribers: 0,
              expectedRevenueToDateFen: 2_880_000,
              expectedSubscribersToDate: 1,
              shortfalls: ['revenue', 'subscribers'],
              flagged: true,
            },
          ],
          endsEarly: { lastDay: '2027-05-31', reason: '评估未达预期', by: OPS, at: '2027-04-12T02:00:00.000Z' },
        };
        expect(await store.applications.update(ended, 1, [], [], [])).toEqual({
          ok: true,
          value: { ...ended, version: 2 },
        });
        expect(await store.applications.get(record.id)).toEqual({ ...ended, version: 2 });
      });

      it('should file one application per draft of an applicant, answering a second filing with the first and writing nothing of it', async () => {
        const first = { ...sampleRecord('PP-2027-000001'), draftId: 'draft-1' };
        const again = { ...sampleRecord('PP-2027-000002'), draftId: 'draft-1' };
        expect(
          (
            await store.applications.create(
              first,
              [auditOf(null, first, first.input.applicant, 'submit')],
              [notice('first', first.id)],
              [nudge('first', first.id)],
            )
          ).ok,
        ).toBe(true);
        const result = await store.applications.create(
          again,
          [auditOf(null, again, again.input.applicant, 'submit')],
          [notice('again', again.id)],
          [nudge('again', again.id)],
        );
        expect(result).toEqual({ ok: false, error: { code: 'duplicate_draft', existing: { ...first, version: 1 } } });
        expect(await store.applications.get(again.id)).toBeNull();
        expect(await store.audit.about(again.id)).toEqual([]);
        expect(await store.outbox.get('again')).toBeNull();
        expect(await store.jobs.pendingFor(again.id)).toEqual([]);
        expect((await store.applications.list()).map((r) => r.id)).toEqual([first.id]);
        expect(await store.applications.findByDraft(first.input.applicant, 'draft-1')).toEqual({
          ...first,
          version: 1,
        });
      });

      it('should file a draft submitted on two instances at once exactly once, answering the other with it', async () => {
        const other = await harness.reopen();
        const mine = { ...sampleRecord('PP-2027-000001'), draftId: 'draft-1' };
        const theirs = { ...sampleRecord('PP-2027-000002'), draftId: 'draft-1' };
        const results = await Promise.all([
          store.applications.create(mine, [], [notice('mine', mine.id)], []),
          other.applications.create(theirs, [], [notice('theirs', theirs.id)], []),
        ]);
        const filed = results.flatMap((r) => (r.ok ? [r.value] : []));
        expect(filed).toHaveLength(1);
        expect(results.flatMap((r) => (r.ok ? [] : [r.error]))).toEqual([
          { code: 'duplicate_draft', existing: filed[0] },
        ]);
        expect(await store.applications.list()).toEqual(filed);
        expect((await store.outbox.pending(10)).map((m) => m.applicationId)).toEqual([filed[0]?.id]);
        expect(await other.applications.findByDraft(mine.input.applicant, 'draft-1')).toEqual(filed[0]);
      });

      it('should keep drafts apart by applicant, and never match applications filed without one', async () => {
        const mine = { ...sampleRecord('PP-2027-000001'), draftId: 'draft-1' };
        const theirs = {
          ...sampleRecord('PP-2027-000002', { input: { applicant: 'huang.li@plandesk.example' } }),
          draftId: 'draft-1',
        };
        const noDraft = [sampleRecord('PP-2027-000003'), sampleRecord('PP-2027-000004')];
        for (const r of [mine, theirs, ...noDraft])
          expect((await store.applications.create(r, [], [], [])).ok).toBe(true);
        expect((await store.applications.findByDraft(mine.input.applicant, 'draft-1'))?.id).toBe(mine.id);
        expect((await store.applications.findByDraft(theirs.input.applicant, 'draft-1'))?.id).toBe(theirs.id);
        expect(await store.applications.findByDraft(mine.input.applicant, 'draft-2')).toBeNull();
        expect(await store.applications.list()).toHaveLength(4);
      });

      it('should let a draft whose filing was refused be filed again', async () => {
        const holder = sampleRecord('PP-2027-000001');
        await store.applications.create(holder, [], [], []);
        // The number was taken, so this filing wrote nothing; the same draft filed under the next number goes through.
        const collided = { ...sampleRecord('PP-2027-000001'), draftId: 'draft-9' };
        expect(await store.applications.create(collided, [], [], [])).toMatchObject({
          ok: false,
          error: { code: 'stale_version' },
        });
        const retried = { ...sampleRecord('PP-2027-000002'), draftId: 'draft-9' };
        expect(await store.applications.create(retried, [], [], [])).toEqual({
          ok: true,
          value: { ...retried, version: 1 },
        });
      });

      it('should give null for an application that does not exist', async () => {
        expect(await store.applications.get('PP-2027-999999')).toBeNull();
      });

      it('should refuse to create an application whose id already exists, keeping the original', async () => {
        const original = sampleRecord('PP-2027-000001');
        await store.applications.create(original, [], [], []);
        const intruder = sampleRecord('PP-2027-000001', { input: { unit: 'minhang-branch' } });
        const result = await store.applications.create(
          intruder,
          [auditOf(null, intruder, 'huang.li@plandesk.example', 'submit')],
          [],
          [],
        );
        expect(result).toEqual({
          ok: false,
          error: { code: 'stale_version', id: original.id, expectedVersion: 0, actualVersion: 1 },
        });
        expect((await store.applications.get(original.id))?.input.unit).toBe('pudong-branch');
        expect(await store.audit.about(original.id)).toEqual([]);
      });

      it('should let exactly one of two concurrent updates from the same read win, on two instances, refusing the other as stale', async () => {
        const record = sampleRecord('PP-2027-000001');
        await store.applications.create(record, [], [], []);
        const other = await harness.reopen();
        const read = await other.applications.get(record.id);
        if (!read) throw new Error('the created application was not found');
        const byOps = afterAction(read, OPS, 'ops_review.approve', '2026-12-02T03:00:00.000Z');
        const byHead = afterAction(read, HEAD, 'ops_review.return', '2026-12-02T03:00:01.000Z');
        const results = await Promise.all([
          store.applications.update(byOps, read.version, [auditOf(read, byOps, OPS, 'decide.approve')], [], []),
          other.applications.update(byHead, read.version, [auditOf(read, byHead, HEAD, 'decide.return')], [], []),
        ]);
        const winners = results.flatMap((r) => (r.ok ? [r.value] : []));
        const losers = results.flatMap((r) => (r.ok ? [] : [r.error]));
        expect(winners).toHaveLength(1);
        expect(losers).toEqual([{ code: 'stale_version', id: record.id, expectedVersion: 1, actualVersion: 2 }]);
        expect(await store.applications.get(record.id)).toEqual(winners[0]);
        expect(await other.audit.about(record.id)).toHaveLength(1);
      });

      it('should write the audit rows, messages and jobs of a saved change and none of a refused one', async () => {
        const record = sampleRecord('PP-2027-000001');
        await store.applications.create(
          record,
          [auditOf(null, record, record.input.applicant, 'submit')],
          [],
          [nudge('filed', record.id)],
        );
        const approved = afterAction(record, OPS, 'ops_review.approve', '2026-12-02T03:00:00.000Z');
        const returned = afterAction(record, HEAD, 'ops_review.return', '2026-12-02T03:00:01.000Z');
        await store.applications.update(
          approved,
          1,
          [auditOf(record, approved, OPS, 'decide.approve')],
          [notice('approved', record.id)],
          [nudge('approved', record.id)],
        );
        const refused = await store.applications.update(
          returned,
          1,
          [auditOf(record, returned, HEAD, 'decide.return')],
          [notice('returned', record.id)],
          [nudge('returned', record.id)],
        );
        expect(refused.ok).toBe(false);
        const trail = await store.audit.about(record.id);
        expect(trail.map((e) => [e.actor, e.action])).toEqual([
          [record.input.applicant, 'submit'],
          [OPS, 'decide.approve'],
        ]);
        expect(trail[1]).toEqual(auditOf(record, approved, OPS, 'decide.approve'));
        expect((await store.outbox.pending(10)).map((m) => m.id)).toEqual(['approved']);
        expect((await store.jobs.pendingFor(record.id)).map((j) => j.id)).toEqual([`${record.id}:approved`]);
      });

      it('should refuse to update an application that does not exist, saying it has no version', async () => {
        const record = sampleRecord('PP-2027-000404');
        const result = await store.applications.update(
          record,
          1,
          [auditOf(record, record, OPS, 'decide.approve')],
          [],
          [],
        );
        expect(result).toEqual({
          ok: false,
          error: { code: 'stale_version', id: record.id, expectedVersion: 1, actualVersion: null },
        });
        expect(await store.applications.get(record.id)).toBeNull();
        expect(await store.audit.about(record.id)).toEqual([]);
      });

      it('should list applications oldest first, filtered by applicant or unit', async () => {
        const later = sampleRecord('PP-2027-000002', {
          submittedAt: '2026-12-03T02:00:00.000Z',
          input: { unit: 'minhang-branch', applicant: 'huang.li@plandesk.example' },
        });
        const earlier = sampleRecord('PP-2027-000001', { submittedAt: '2026-12-01T02:00:00.000Z' });
        const latest = sampleRecord('PP-2027-000003', { submittedAt: '2026-12-05T02:00:00.000Z' });
        for (const record of [later, earlier, latest]) await store.applications.create(record, [], [], []);
        const ids = async (filter?: { applicant?: string; unit?: string }) =>
          (await store.applications.list(filter)).map((r) => r.id);
        expect(await ids()).toEqual([earlier.id, later.id, latest.id]);
        expect(await ids({ unit: 'pudong-branch' })).toEqual([earlier.id, latest.id]);
        expect(await ids({ applicant: 'huang.li@plandesk.example' })).toEqual([later.id]);
        expect(await ids({ applicant: 'huang.li@plandesk.example', unit: 'pudong-branch' })).toEqual([]);
      });

      it('should page applications newest first, ties in filing order, narrowed by state, unit, applicant and time', async () => {
        // Seven plans: two submitted at the same instant (filing order breaks the tie), one returned, one from 闵行.
        const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T02:00:00.000Z`;
        const records = [
          sampleRecord('PP-2027-000001', { submittedAt: at(1) }),
          sampleRecord('PP-2027-000002', { submittedAt: at(2) }),
          sampleRecord('PP-2027-000003', { submittedAt: at(2) }),
          sampleRecord('PP-2027-000004', {
            submittedAt: at(3),
            input: { unit: 'minhang-branch', applicant: 'huang.li@plandesk.example' },
          }),
          { ...sampleRecord('PP-2027-000005', { submittedAt: at(4) }), state: 'returned' as const },
          sampleRecord('PP-2027-000006', { submittedAt: at(5) }),
          sampleRecord('PP-2027-000007', { submittedAt: at(6) }),
        ];
        for (const record of records) await store.applications.create(record, [], [], []);
        const all = async (query: ApplicationQuery, size: number) => {
          const pages: string[][] = [];
          let cursor: string | null = null;
          do {
            const page = await store.applications.page(query, size, cursor);
            pages.push(page.records.map((r) => r.id.slice(-1)));
            cursor = page.next;
          } while (cursor && pages.length < 10);
          return pages;
        };
        expect(await all({}, 3)).toEqual([['7', '6', '5'], ['4', '3', '2'], ['1']]);
        expect(await all({}, 7)).toEqual([['7', '6', '5', '4', '3', '2', '1']]);
        expect(await all({ states: ['returned'] }, 3)).toEqual([['5']]);
        expect(await all({ states: ['in_review', 'returned'], units: ['pudong-branch'] }, 4)).toEqual([
          ['7', '6', '5', '3'],
          ['2', '1'],
        ]);
        expect(await all({ applicants: ['huang.li@plandesk.example'] }, 3)).toEqual([['4']]);
        expect(await all({ submittedFrom: at(2), submittedBefore: at(4) }, 2)).toEqual([['4', '3'], ['2']]);
        expect(await all({ units: [] }, 3)).toEqual([[]]);
        expect(await store.applications.page({}, 3, 'not-a-cursor')).toEqual({ records: [], next: null });
      });

      it("should page a group customer's plans and an activity's plans, narrowed by state too", async () => {
        const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T02:00:00.000Z`;
        const of = (id: string, day: number, groupId: string, activity: string) => {
          const record = sampleRecord(id, { submittedAt: at(day) });
          return { ...record, input: { ...record.input, activity, customer: { name: `客户${groupId}`, groupId } } };
        };
        const records = [
          of('PP-2027-000001', 1, 'G-1', 'ACT-A'),
          { ...of('PP-2027-000002', 2, 'G-2', 'ACT-A'), state: 'active' as const },
          of('PP-2027-000003', 3, 'G-1', 'ACT-B'),
          { ...of('PP-2027-000004', 4, 'G-1', 'ACT-A'), state: 'withdrawn' as const },
        ];
        for (const record of records) await store.applications.create(record, [], [], []);
        const ids = async (query: ApplicationQuery, size = 10) =>
          (await store.applications.page(query, size)).records.map((r) => r.id.slice(-1));
        expect(await ids({ customers: ['G-1'] })).toEqual(['4', '3', '1']);
        expect(await ids({ customers: ['G-1'] }, 2)).toEqual(['4', '3']);
        expect(await ids({ customers: ['G-1', 'G-2'], states: ['in_review', 'active'] })).toEqual(['3', '2', '1']);
        expect(await ids({ activities: ['ACT-A'] })).toEqual(['4', '2', '1']);
        expect(await ids({ customers: ['G-1'], activities: ['ACT-A'] })).toEqual(['4', '1']);
        expect(await ids({ customers: ['G-9'] })).toEqual([]);
        expect(await ids({ customers: [] })).toEqual([]);
      });

      it('should keep the report facts of an application equal to those of its record after every kind of save, on every instance', async () => {
        const other = await harness.reopen();
        const { life, ends } = savesOfALife('PP-2027-000001');
        await saveEach(store, life, async (save, saved) => {
          const expected = inOrder(reportFactsOf(saved));
          expect([save, await factsIn(store, ...ALL_TIME)]).toEqual([save, expected]);
          expect([save, await factsIn(other, ...ALL_TIME)]).toEqual([save, expected]);
        });
        for (const [i, [save, record]] of ends.entries()) {
          const id = `PP-2027-00000${i + 2}`;
          expect((await store.applications.create(sampleRecord(id), [], [], [])).ok).toBe(true);
          expect([save, (await store.applications.update({ ...record, id }, 1, [], [], [])).ok]).toEqual([save, true]);
        }
        const all = await factsIn(other, ...ALL_TIME);
        expect(all).toEqual(inOrder((await store.applications.list()).flatMap(reportFactsOf)));
        expect(all.map(pieceName).sort()).toEqual(['expired', 'plan', 'rejected', 'withdrawn']);
      });

      it('should hand over the report facts of only the applications that can count in a span of time', async () => {
        const { life, ends } = savesOfALife('PP-2027-000001');
        // Still awaited (filed 1 Dec 02:00 UTC); decided on 2 Dec 03:00 UTC; and decided by 5 Dec 03:00 UTC, its plan
        // in effect from then to the first moment of its last day, 31 Dec 2027 in Shanghai.
        const kept = [
          sampleRecord('PP-2027-000001'),
          { ...(ends[1]?.[1] as ApplicationRecord), id: 'PP-2027-000002' },
          { ...(life.at(-1)?.[1] as ApplicationRecord), id: 'PP-2027-000003' },
        ];
        for (const record of kept) await store.applications.create(record, [], [], []);
        const pieces = async (from: string, before: string) =>
          (await factsIn(store, from, before)).map(pieceName).sort();
        expect(await pieces('2026-11-01T00:00:00.000Z', '2026-12-01T02:00:00.000Z')).toEqual([]);
        expect(await pieces('2026-11-01T00:00:00.000Z', '2026-12-01T02:00:00.001Z')).toEqual([
          'expired',
          'in_review',
          'rejected',
        ]);
        expect(await pieces('2026-12-02T03:00:00.000Z', '2026-12-03T00:00:00.000Z')).toEqual([
          'expired',
          'in_review',
          'rejected',
        ]);
        expect(await pieces('2026-12-02T03:00:00.001Z', '2027-01-01T00:00:00.000Z')).toEqual([
          'expired',
          'in_review',
          'plan',
        ]);
        expect(await pieces('2026-12-05T03:00:00.001Z', '2026-12-06T00:00:00.000Z')).toEqual(['in_review', 'plan']);
        expect(await pieces('2027-12-30T16:00:00.000Z', '2028-01-01T00:00:00.000Z')).toEqual(['in_review', 'plan']);
        expect(await pieces('2027-12-30T16:00:00.001Z', '2028-02-01T00:00:00.000Z')).toEqual(['in_review']);
      });

      it("should count each person's open steps of the plans in review as openStepsOf does, after every kind of save, on every instance", async () => {
        const other = await harness.reopen();
        const counted = async (on: Store) => [...(await on.applications.openSteps())].sort();
        const byRule = async () => [...openStepsOf(await store.applications.list())].sort();
        expect(await counted(other)).toEqual([]);
        const { life, ends } = savesOfALife('PP-2027-000001');
        const seen: string[] = [];
        await saveEach(store, life, async (save) => {
          expect([save, await counted(other)]).toEqual([save, await byRule()]);
          seen.push(...(await counted(store)).map(([who, n]) => `${who}×${n}`));
        });
        // Filed, its steps are open (one waits on the first approver, the later ones come after); decided, none is.
        expect(seen.length).toBeGreaterThan(0);
        expect(await counted(other)).toEqual([]);
        for (const [i, [save, record]] of ends.entries()) {
          const id = `PP-2027-00000${i + 2}`;
          expect((await store.applications.create(sampleRecord(id), [], [], [])).ok).toBe(true);
          expect([save, (await store.applications.update({ ...record, id }, 1, [], [], [])).ok]).toEqual([save, true]);
          expect([save, await counted(other)]).toEqual([save, await byRule()]);
        }
        // Three plans of two steps each: the first awaited from one person, the second still to come from another.
        for (let i = 10; i < 13; i += 1) {
          const record = sampleRecord(`PP-2027-0000${i}`);
          const [first] = record.steps;
          if (!first) throw new Error('the sample has a step');
          const second = { ...first, step: 'leadership', role: 'leader', assignee: HEAD, status: 'waiting' };
          await store.applications.create({ ...record, steps: [first, second] } as ApplicationRecord, [], [], []);
        }
        expect(await counted(other)).toEqual([
          ['00000000-0000-0000-0000-00000000b003', 3],
          [HEAD, 3],
        ]);
        expect(await counted(other)).toEqual(await byRule());
      });

      it('should hand out plan numbers that never repeat, counted per year', async () => {
        const numbers = await Promise.all(Array.from({ length: 25 }, () => store.applications.nextNumber(2027)));
        expect(new Set(numbers).size).toBe(25);
        expect([...numbers].sort()).toEqual(
          Array.from({ length: 25 }, (_, i) => `PP-2027-${String(i + 1).padStart(6, '0')}`),
        );
        expect(await store.applications.nextNumber(2028)).toBe('PP-2028-000001');
        expect(await store.applications.nextNumber(2027)).toBe('PP-2027-000026');
      });
    });

    describe('catalogs and policies', () => {
      it('should add catalog versions one after another, keeping old ones readable', async () => {
        expect(await store.catalogs.current()).toBeNull();
        const december = await store.catalogs.add(sampleCatalog(), ADMIN, new Date('2026-12-01T01:00:00Z'));
        const januaryContent = {
          ...sampleCatalog(),
          products: sampleCatalog().products.map((p) => ({ ...p, unitCostFen: p.unitCostFen + 100 })),
        };
        const january = await store.catalogs.add(januaryContent, ADMIN, new Date('2027-01-01T01:00:00Z'));
        expect(january.version).toBeGreaterThan(december.version);
        expect(december).toEqual({
          ...sampleCatalog(),
          version: december.version,
          importedAt: '2026-12-01T01:00:00.000Z',
          importedBy: ADMIN,
        });
        expect(await store.catalogs.current()).toEqual(january);
        expect(await store.catalogs.get(december.version)).toEqual(december);
        expect(await store.catalogs.get(january.version + 1)).toBeNull();
        expect((await store.audit.about('catalog')).map((e) => [e.action, e.actor, e.after])).toEqual([
          ['catalog.import', ADMIN, december],
          ['catalog.import', ADMIN, january],
        ]);
      });

      it('should pick the policy in force on a date: latest effective date on or before it, later version on a tie', async () => {
        const at = new Date('2026-12-01T01:00:00Z');
        const january = await store.policies.add(samplePolicy({ maxTermMonths: 36 }), '2027-01-01', ADMIN, at);
        const july = await store.policies.add(samplePolicy({ maxTermMonths: 24 }), '2027-07-01', ADMIN, at);
        const julyFix = await store.policies.add(samplePolicy({ maxTermMonths: 30 }), '2027-07-01', ADMIN, at);
        const backdatedMarch = await store.policies.add(
          samplePolicy({ leadershipIsFinal: true }),
          '2027-03-01',
          ADMIN,
          at,
        );
        const cases: [string, number | null][] = [
          ['2026-12-31', null],
          ['2027-01-01', january.version],
          ['2027-02-28', january.version],
          ['2027-03-01', backdatedMarch.version],
          ['2027-06-30', backdatedMarch.version],
          ['2027-07-01', julyFix.version],
          ['2030-01-01', julyFix.version],
        ];
        const all = await store.policies.list();
        expect(all.map((p) => p.version)).toEqual([january, july, julyFix, backdatedMarch].map((p) => p.version));
        for (const [date, version] of cases) {
          const inForce = await store.policies.inForceOn(date);
          expect([date, inForce?.version ?? null]).toEqual([date, version]);
          expect(inForce ?? undefined).toEqual(policyInForce(all, date));
        }
        expect(
          (await store.audit.about('policy')).map((e) => [e.action, (e.after as { version: number }).version]),
        ).toEqual(all.map((p) => ['policy.import', p.version]));
        expect(await store.policies.get(july.version)).toEqual({
          ...samplePolicy({ maxTermMonths: 24 }),
          version: july.version,
          effectiveFrom: '2027-07-01',
          importedAt: at.toISOString(),
          importedBy: ADMIN,
        });
      });
    });

    describe('directory and audit trail', () => {
      it('should add directory versions, giving back the newest, any one by number and all in order, each audited with the one before', async () => {
        expect(await store.directory.get()).toBeNull();
        expect(await store.directory.list()).toEqual([]);
        const first = sampleDirectory();
        const second = {
          ...first,
          units: [...first.units, { id: 'video-ops', name: '视频运营中心', kind: 'video' as const }],
        };
        const v1 = await store.directory.add(first, ADMIN, new Date('2026-12-01T01:00:00Z'));
        const v2 = await store.directory.add(second, HEAD, new Date('2026-12-02T01:00:00Z'));
        expect(v1).toEqual({ ...first, version: 1, importedAt: '2026-12-01T01:00:00.000Z', importedBy: ADMIN });
        expect(v2).toEqual({ ...second, version: 2, importedAt: '2026-12-02T01:00:00.000Z', importedBy: HEAD });
        expect(await store.directory.get()).toEqual(v2);
        expect(await store.directory.getVersion(1)).toEqual(v1);
        expect(await store.directory.getVersion(3)).toBeNull();
        expect(await store.directory.list()).toEqual([v1, v2]);
        const trail = await store.audit.about('directory');
        expect(trail.map((e) => [e.action, e.at, e.actor, e.before, e.after])).toEqual([
          ['directory.import', '2026-12-01T01:00:00.000Z', ADMIN, null, v1],
          ['directory.import', '2026-12-02T01:00:00.000Z', HEAD, v1, v2],
        ]);
      });

      it('should store only the content of a version handed back to it, numbering it afresh', async () => {
        const v1 = await store.directory.add(sampleDirectory(), ADMIN, new Date('2026-12-01T01:00:00Z'));
        const v2 = await store.directory.add(v1, HEAD, new Date('2026-12-02T01:00:00Z'));
        expect(v2).toEqual({
          ...sampleDirectory(),
          version: 2,
          importedAt: '2026-12-02T01:00:00.000Z',
          importedBy: HEAD,
        });
        expect(await store.directory.getVersion(1)).toEqual(v1);
      });

      it('should append audit entries and give back those of one subject, oldest first', async () => {
        const refusalOf = (n: number) =>
          auditEntry(new Date(`2026-12-0${n}T01:00:00Z`), ADMIN, 'refused.not_an_approver', 'PP-2027-000009', null, {
            n,
          });
        await store.audit.append([refusalOf(1), refusalOf(2)]);
        await store.audit.append([
          auditEntry(new Date('2026-12-03T01:00:00Z'), ADMIN, 'refused.stale_version', 'PP-2027-000010', null, null),
        ]);
        await store.audit.append([refusalOf(4)]);
        expect(await store.audit.about('PP-2027-000009')).toEqual([refusalOf(1), refusalOf(2), refusalOf(4)]);
        expect(await store.audit.about('nothing')).toEqual([]);
      });

      it('should give back only the entries of the kinds asked for about a subject, however many views it had', async () => {
        const at = (n: number) => new Date(`2026-12-0${n}T01:00:00Z`);
        const finding = (n: number) =>
          auditEntry(at(n), ADMIN, 'spot_check.finding', 'PP-2027-000011', null, { result: n % 2 ? 'issue' : 'ok' });
        const view = (n: number) => auditEntry(at(n), HEAD, 'view', 'PP-2027-000011', null, null);
        await store.audit.append([view(1), finding(2), view(3)]);
        await store.audit.append([finding(4), view(5)]);
        await store.audit.append([auditEntry(at(6), ADMIN, 'spot_check.finding', 'PP-2027-000012', null, null)]);
        expect(await store.audit.about('PP-2027-000011', ['spot_check.finding'])).toEqual([finding(2), finding(4)]);
        expect(await store.audit.about('PP-2027-000011', ['view', 'spot_check.finding'])).toHaveLength(5);
        expect(await store.audit.about('PP-2027-000011', [])).toEqual([]);
      });

      it('should give back the entries of the kinds asked for about several subjects in one read', async () => {
        const at = (n: number) => new Date(`2026-12-0${n}T01:00:00Z`);
        const finding = (n: number, subject: string) =>
          auditEntry(at(n), ADMIN, 'spot_check.finding', subject, null, { result: n % 2 ? 'issue' : 'ok' });
        const view = (n: number, subject: string) => auditEntry(at(n), HEAD, 'view', subject, null, null);
        await store.audit.append([view(1, 'PP-2027-000021'), finding(2, 'PP-2027-000021')]);
        await store.audit.append([finding(3, 'PP-2027-000022'), finding(4, 'PP-2027-000023')]);
        await store.audit.append([finding(5, 'PP-2027-000021'), view(6, 'PP-2027-000022')]);
        const found = await store.audit.aboutEach(
          ['PP-2027-000021', 'PP-2027-000022', 'PP-2027-000099'],
          ['spot_check.finding'],
        );
        expect(found.filter((e) => e.subject === 'PP-2027-000021')).toEqual([
          finding(2, 'PP-2027-000021'),
          finding(5, 'PP-2027-000021'),
        ]);
        expect(found.filter((e) => e.subject !== 'PP-2027-000021')).toEqual([finding(3, 'PP-2027-000022')]);
        expect(await store.audit.aboutEach([], ['spot_check.finding'])).toEqual([]);
        expect(await store.audit.aboutEach(['PP-2027-000021'], [])).toEqual([]);
      });
    });

    it('should keep everything after the store is closed and reopened', async () => {
      const record = sampleRecord('PP-2027-000001');
      await store.applications.create(record, [auditOf(null, record, record.input.applicant, 'submit')], [], []);
      await store.applications.nextNumber(2027);
      const catalog = await store.catalogs.add(sampleCatalog(), ADMIN, new Date('2026-12-01T01:00:00Z'));
      const policy = await store.policies.add(samplePolicy(), '2027-01-01', ADMIN, new Date('2026-12-01T01:00:00Z'));
      const directory = await store.directory.add(sampleDirectory(), ADMIN, new Date('2026-12-01T01:00:00Z'));
      await store.close();

      const again = await harness.reopen();
      expect(await again.applications.get(record.id)).toEqual(record);
      expect(await again.applications.nextNumber(2027)).toBe('PP-2027-000002');
      expect(await again.catalogs.current()).toEqual(catalog);
      expect(await again.policies.inForceOn('2027-01-01')).toEqual(policy);
      expect(await again.directory.get()).toEqual(directory);
      expect(await again.directory.list()).toEqual([directory]);
      expect(await again.audit.about(record.id)).toEqual([auditOf(null, record, record.input.applicant, 'submit')]);
    });
  });
}
