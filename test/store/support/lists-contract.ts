import type { ApplicationQuery, QueueQuery, Store } from '../../../src/app/ports/store';
import type { ApplicationRecord } from '../../../src/app/records/application-record';
import type { ApprovalStep } from '../../../src/domain/approval-step';
import type { StoreHarness } from '../store-contract';
import { sampleRecord } from '../fixtures';

const APPLICANT = '00000000-0000-0000-0000-00000000a001';
const OTHER_APPLICANT = '00000000-0000-0000-0000-00000000a002';
const WANG_FANG = '00000000-0000-0000-0000-00000000b002';
const GAO_FENG = '00000000-0000-0000-0000-00000000b005';
const LIU_QIANG = '00000000-0000-0000-0000-00000000b003';
const LEADER = '00000000-0000-0000-0000-00000000d001';

const at = (day: number, hour = 2) =>
  `2026-12-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** A plan in review submitted on a day of December 2026, waiting on one step. */
function awaiting(id: string, day: number, step: Partial<ApprovalStep>, applicant = APPLICANT): ApplicationRecord {
  const record = sampleRecord(id, { submittedAt: at(day), input: { applicant } });
  const first = record.steps[0] as ApprovalStep;
  return { ...record, steps: [{ ...first, role: 'ops_approver', assignee: WANG_FANG, ...step }] };
}

/** The same plan after its awaited step was approved: on to the next step, or into fulfillment. */
function approved(record: ApplicationRecord, next?: Partial<ApprovalStep>): ApplicationRecord {
  const decided = record.steps.map((s) => (s.status === 'pending' ? { ...s, status: 'approved' as const } : s));
  if (!next) {
    return {
      ...record,
      state: 'in_fulfillment',
      steps: decided,
      fulfillment: { createdAt: at(20), dueAt: at(21), doneBy: null, doneAt: null, note: null },
    };
  }
  const first = record.steps[0] as ApprovalStep;
  return { ...record, steps: [...decided, { ...first, step: 'leadership', status: 'pending', ...next }] };
}

/** The awaited step handed to someone else, or given a delegate (its approver is away). */
const withStep = (record: ApplicationRecord, change: Partial<ApprovalStep>): ApplicationRecord => ({
  ...record,
  steps: record.steps.map((s) => (s.status === 'pending' ? { ...s, ...change } : s)),
});

const evaluated = (record: ApplicationRecord, flagged: boolean): ApplicationRecord => ({
  ...record,
  state: 'active',
  evaluations: [
    ...record.evaluations,
    {
      period: record.evaluations.length + 1,
      reportedAt: at(25),
      reportedBy: record.input.applicant,
      actualRevenueFen: 1_000_000,
      actualSubscribers: 150,
      expectedRevenueToDateFen: 1_800_000,
      flagged,
    },
  ],
});

/**
 * What `待办` and `列表`'s flagged, overdue and step filters read from a store (issue 13): the right
 * plans in the right order with the right totals, and after every change that moves a plan between
 * lists — a decision, a step handed on, a delegate standing in, an evaluation's flag — as the store
 * keeps them with each write.
 */
export function describeListsContract(name: string, openStore: () => Promise<StoreHarness>): void {
  describe(`${name} store: 待办 and the filtered lists`, () => {
    let harness: StoreHarness;
    let store: Store;
    const versions = new Map<string, number>();

    beforeEach(async () => {
      harness = await openStore();
      store = harness.store;
      versions.clear();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const file = async (...records: ApplicationRecord[]) => {
      for (const record of records) {
        const created = await store.applications.create(record, [], [], []);
        if (!created.ok) throw new Error(`not filed: ${created.error.code}`);
        versions.set(record.id, 1);
      }
    };
    const save = async (record: ApplicationRecord, on: Store = store) => {
      const version = versions.get(record.id) ?? 0;
      const saved = await on.applications.update(record, version, [], [], []);
      if (!saved.ok) throw new Error(`not saved: ${saved.error.code}`);
      versions.set(record.id, version + 1);
    };
    const ids = (page: { records: ApplicationRecord[]; total: number }) => ({
      ids: page.records.map((r) => r.id.slice(-2)),
      total: page.total,
    });
    const waitingOn = async (person: string, fulfillment = false, limit = 10, on: Store = store) =>
      ids(await on.applications.waitingOn(person, fulfillment, limit));
    const queue = async (query: QueueQuery, limit = 10) => ids(await store.applications.queue(query, limit));
    const pageIds = async (query: ApplicationQuery, size = 10) => {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page = await store.applications.page(query, size, cursor);
        pages.push(page.records.map((r) => r.id.slice(-2)));
        cursor = page.next;
      } while (cursor && pages.length < 10);
      return pages;
    };

    it('should list what waits on a person oldest first, ties in filing order, as approver or delegate, with the total', async () => {
      await file(
        awaiting('PP-2027-000001', 5, {}),
        awaiting('PP-2027-000002', 3, {}),
        awaiting('PP-2027-000003', 3, { assignee: GAO_FENG, delegate: WANG_FANG }),
        awaiting('PP-2027-000004', 1, { assignee: GAO_FENG }),
        { ...awaiting('PP-2027-000005', 2, {}), state: 'returned' },
        approved(awaiting('PP-2027-000006', 4, {})),
        // Named as both the approver and the delegate of one step: one plan waiting, counted once.
        awaiting('PP-2027-000007', 6, { assignee: LEADER, delegate: LEADER }),
      );
      expect(await waitingOn(WANG_FANG)).toEqual({ ids: ['02', '03', '01'], total: 3 });
      expect(await waitingOn(WANG_FANG, false, 2)).toEqual({ ids: ['02', '03'], total: 3 });
      expect(await waitingOn(GAO_FENG)).toEqual({ ids: ['04', '03'], total: 2 });
      // A support handler's: the plans in fulfillment too, in the same order.
      expect(await waitingOn(WANG_FANG, true)).toEqual({ ids: ['02', '03', '06', '01'], total: 4 });
      expect(await waitingOn(LIU_QIANG, true, 1)).toEqual({ ids: ['06'], total: 1 });
      expect(await waitingOn(LEADER)).toEqual({ ids: ['07'], total: 1 });
    });

    it('should move a plan between people as its steps are approved, handed on and stood in for, on every instance', async () => {
      const other = await harness.reopen();
      const first = awaiting('PP-2027-000001', 1, {});
      await file(first, awaiting('PP-2027-000002', 2, {}));
      expect(await waitingOn(WANG_FANG, false, 10, other)).toEqual({ ids: ['01', '02'], total: 2 });

      // Approved: on to the leader.
      const toLeader = approved(first, { role: 'leader', assignee: LEADER, dueAt: at(9) });
      await save(toLeader, other);
      expect(await waitingOn(WANG_FANG)).toEqual({ ids: ['02'], total: 1 });
      expect(await waitingOn(LEADER)).toEqual({ ids: ['01'], total: 1 });
      // Handed to 高峰 (reassigned), then his delegate stands in while he is away.
      await save(withStep(toLeader, { assignee: GAO_FENG }));
      expect(await waitingOn(LEADER)).toEqual({ ids: [], total: 0 });
      await save(withStep(toLeader, { assignee: GAO_FENG, delegate: LIU_QIANG }));
      expect(await waitingOn(GAO_FENG, false, 10, other)).toEqual({ ids: ['01'], total: 1 });
      expect(await waitingOn(LIU_QIANG, false, 10, other)).toEqual({ ids: ['01'], total: 1 });
      // Approved for good: into fulfillment, waiting on no approver.
      await save(approved(withStep(toLeader, { assignee: GAO_FENG })));
      expect(await waitingOn(GAO_FENG)).toEqual({ ids: [], total: 0 });
      expect(await waitingOn(LIU_QIANG, true)).toEqual({ ids: ['01'], total: 1 });
    });

    it("should list a team's queue oldest first: others' steps of its roles, never the person's own plans or steps", async () => {
      await file(
        awaiting('PP-2027-000001', 1, { assignee: GAO_FENG }),
        awaiting('PP-2027-000002', 2, {}),
        awaiting('PP-2027-000003', 3, { assignee: GAO_FENG, delegate: WANG_FANG }),
        awaiting('PP-2027-000004', 4, { assignee: GAO_FENG }, WANG_FANG),
        awaiting('PP-2027-000005', 5, { role: 'leader', assignee: LEADER }),
        awaiting('PP-2027-000006', 5, { assignee: GAO_FENG }, OTHER_APPLICANT),
        awaiting('PP-2027-000007', 6, { role: 'ops_head', assignee: LIU_QIANG }),
        approved(awaiting('PP-2027-000008', 1, { assignee: GAO_FENG })),
      );
      const colleague = { of: WANG_FANG, withoutDelegated: true };
      expect(await queue({ roles: ['ops_approver'], ...colleague })).toEqual({ ids: ['01', '06'], total: 2 });
      expect(await queue({ roles: ['ops_approver', 'leader'], ...colleague })).toEqual({
        ids: ['01', '05', '06'],
        total: 3,
      });
      expect(await queue({ roles: ['ops_approver', 'leader'], ...colleague }, 2)).toEqual({
        ids: ['01', '05'],
        total: 3,
      });
      // The ops head's: every awaited step not his own, even one he stands in for.
      expect(await queue({ roles: null, of: LIU_QIANG, withoutDelegated: false })).toEqual({
        ids: ['01', '02', '03', '04', '05', '06'],
        total: 6,
      });
      expect(await queue({ roles: null, of: WANG_FANG, withoutDelegated: false }, 3)).toEqual({
        ids: ['01', '03', '05'],
        total: 5,
      });
      expect(await queue({ roles: [], ...colleague })).toEqual({ ids: [], total: 0 });
    });

    it('should take a step out of the queue once it is decided or taken over, and put a handed-on one in', async () => {
      const mine = awaiting('PP-2027-000001', 1, {});
      const his = awaiting('PP-2027-000002', 2, { assignee: GAO_FENG });
      await file(mine, his);
      const colleague = (of: string) => queue({ roles: ['ops_approver'], of, withoutDelegated: true });
      expect(await colleague(WANG_FANG)).toEqual({ ids: ['02'], total: 1 });
      expect(await colleague(GAO_FENG)).toEqual({ ids: ['01'], total: 1 });
      // 王芳 takes 高峰's step over: it is hers now, in nobody's queue but his.
      await save(withStep(his, { assignee: WANG_FANG }));
      expect(await colleague(WANG_FANG)).toEqual({ ids: [], total: 0 });
      expect(await colleague(GAO_FENG)).toEqual({ ids: ['01', '02'], total: 2 });
      await save(approved(mine));
      expect(await colleague(GAO_FENG)).toEqual({ ids: ['02'], total: 1 });
      expect(await waitingOn(WANG_FANG)).toEqual({ ids: ['02'], total: 1 });
    });

    it('should page the flagged plans newest first, as evaluations flag them', async () => {
      const plans = [1, 2, 3, 4, 5].map((day) => approved(awaiting(`PP-2027-00000${day}`, day, {})));
      await file(...plans.map((p) => evaluated(p, false)));
      expect(await pageIds({ flagged: true })).toEqual([[]]);
      for (const day of [1, 3, 4]) await save(evaluated(evaluated(plans[day - 1] as ApplicationRecord, false), true));
      expect(await pageIds({ flagged: true }, 2)).toEqual([['04', '03'], ['01']]);
      expect(await pageIds({ flagged: true, submittedBefore: at(4) })).toEqual([['03', '01']]);
      expect(await pageIds({ flagged: true, states: ['expired'] })).toEqual([[]]);
      expect(await pageIds({ flagged: false }, 3)).toEqual([
        ['05', '04', '03'],
        ['02', '01'],
      ]);
    });

    it('should page the plans whose awaited step is overdue or is one of some steps, newest first', async () => {
      const late = awaiting('PP-2027-000001', 1, { dueAt: at(3) });
      await file(
        late,
        awaiting('PP-2027-000002', 2, { dueAt: at(9) }),
        awaiting('PP-2027-000003', 3, { dueAt: at(4) }),
        awaiting('PP-2027-000004', 4, { dueAt: null }),
        { ...awaiting('PP-2027-000005', 1, { dueAt: at(2) }), state: 'returned' },
        awaiting('PP-2027-000006', 5, { step: 'cooperation', role: 'cooperation_approver', dueAt: at(6) }),
      );
      expect(await pageIds({ awaitedDueBefore: at(5) })).toEqual([['03', '01']]);
      expect(await pageIds({ awaitedDueBefore: at(8) }, 2)).toEqual([['06', '03'], ['01']]);
      expect(await pageIds({ awaitedSteps: ['cooperation'] })).toEqual([['06']]);
      expect(await pageIds({ awaitedSteps: ['ops_review'], awaitedDueBefore: at(8) })).toEqual([['03', '01']]);
      expect(await pageIds({ awaitedSteps: [] })).toEqual([[]]);
      // Decided: no longer awaited, so no longer overdue.
      await save(approved(late));
      expect(await pageIds({ awaitedDueBefore: at(5) })).toEqual([['03']]);
    });
  });
}
