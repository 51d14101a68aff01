import type { Job } from '../../../src/app/ports/jobs';
import type { OutboxMessage, Store } from '../../../src/app/ports/store';
import { auditEntry } from '../../../src/app/records/audit';
import { sampleRecord } from '../fixtures';
import type { TwoStores } from './two-stores';

const T0 = new Date('2027-03-01T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const job = (id: string, dueInMinutes: number, applicationId: string | null = null): Job => ({
  id,
  kind: 'step.nudge',
  applicationId,
  dueAt: at(dueInMinutes).toISOString(),
  payload: {},
});
const notice = (id: string): OutboxMessage => ({
  id,
  createdAt: T0.toISOString(),
  kind: 'text',
  applicationId: null,
  to: { kind: 'channel', channel: 'ops' },
  key: 'reminder.step',
  params: {},
});
const jobIds = (jobs: Job[]) => jobs.map((j) => j.id);

/** The job table as the scheduler relies on it, with two stores on one set of data standing for two instances. */
export function describeJobsContract(name: string, open: () => Promise<TwoStores>): void {
  describe(`${name} jobs`, () => {
    let stores: TwoStores;
    let store: Store;
    let other: Store;
    beforeEach(async () => {
      stores = await open();
      ({ store, other } = stores);
    });
    afterEach(async () => {
      await stores.cleanup();
    });

    it('should claim only what is due, soonest first', async () => {
      await store.jobs.schedule([job('later', 10), job('due-2', -1), job('due-1', -5)]);
      expect(jobIds(await store.jobs.claimDue(T0, 10, 'a', at(2)))).toEqual(['due-1', 'due-2']);
    });

    it('should never give one job to two processes while its lease holds, and give it back when the lease runs out', async () => {
      await store.jobs.schedule([job('j', -1)]);
      expect(jobIds(await store.jobs.claimDue(T0, 10, 'a', at(2)))).toEqual(['j']);
      expect(await other.jobs.claimDue(T0, 10, 'b', at(2))).toEqual([]);
      expect(jobIds(await other.jobs.claimDue(at(3), 10, 'b', at(5)))).toEqual(['j']);
      // The first process lost it: its completion is refused.
      expect(await store.jobs.complete('j', 'a', at(3))).toBe(false);
      expect(await other.jobs.complete('j', 'b', at(3))).toBe(true);
    });

    it('should give each due job to exactly one of two processes claiming at once', async () => {
      await store.jobs.schedule(Array.from({ length: 8 }, (_, i) => job(`j${i}`, -i)));
      const [mine, theirs] = await Promise.all([
        store.jobs.claimDue(T0, 10, 'a', at(2)),
        other.jobs.claimDue(T0, 10, 'b', at(2)),
      ]);
      expect([...jobIds(mine), ...jobIds(theirs)].sort()).toEqual(['j0', 'j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'j7']);
    });

    it('should claim no more than asked for', async () => {
      await store.jobs.schedule([job('j1', -3), job('j2', -2), job('j3', -1)]);
      expect(jobIds(await store.jobs.claimDue(T0, 2, 'a', at(2)))).toEqual(['j1', 'j2']);
      expect(jobIds(await other.jobs.claimDue(T0, 2, 'b', at(2)))).toEqual(['j3']);
    });

    it("should commit a job's effects with its completion, and not otherwise", async () => {
      await store.jobs.schedule([job('j', -1)]);
      await store.jobs.claimDue(T0, 10, 'a', at(2));
      const audit = auditEntry(T0, 'plandesk', 'spot_check.draw', 'spot-check:2027-03', null, { drawn: 1 });
      expect(await store.jobs.complete('j', 'someone-else', T0, { outbox: [notice('m1')], audit: [audit] })).toBe(
        false,
      );
      expect(await store.outbox.pending(10)).toEqual([]);
      expect(
        await store.jobs.complete('j', 'a', T0, {
          outbox: [notice('m1')],
          audit: [audit],
          schedule: [job('next', 60)],
        }),
      ).toBe(true);
      expect((await other.outbox.pending(10)).map((m) => m.id)).toEqual(['m1']);
      expect(await other.audit.about('spot-check:2027-03')).toEqual([audit]);
      expect(jobIds(await store.jobs.claimDue(at(61), 10, 'a', at(62)))).toEqual(['next']);
      // Done is done: completing it again changes nothing.
      expect(await store.jobs.complete('j', 'a', at(1), { outbox: [notice('m2')] })).toBe(false);
    });

    it('should keep a next run that is already scheduled as it was when a completion schedules it again', async () => {
      await store.jobs.schedule([job('j', -1), job('next', 60)]);
      await store.jobs.claimDue(T0, 1, 'a', at(2));
      expect(await store.jobs.complete('j', 'a', T0, { schedule: [job('next', 30)] })).toBe(true);
      expect(await store.jobs.claimDue(at(30), 10, 'a', at(32))).toEqual([]);
      expect(jobIds(await store.jobs.claimDue(at(60), 10, 'a', at(62)))).toEqual(['next']);
    });

    it('should put a failed job back for a later try, and ignore a failure reported by someone without the lease', async () => {
      await store.jobs.schedule([job('j', -1)]);
      await store.jobs.claimDue(T0, 10, 'a', at(2));
      await store.jobs.fail('j', 'b', 'not mine', at(1));
      await store.jobs.fail('j', 'a', 'boom', at(5));
      expect(await store.jobs.claimDue(at(4), 10, 'a', at(6))).toEqual([]);
      expect(jobIds(await store.jobs.claimDue(at(5), 10, 'a', at(7)))).toEqual(['j']);
    });

    it('should keep a job that is already scheduled as it was', async () => {
      await store.jobs.schedule([job('j', 10)]);
      await other.jobs.schedule([job('j', -10)]);
      expect(await store.jobs.claimDue(T0, 10, 'a', at(2))).toEqual([]);
    });

    it("should replace an application's pending jobs with its write, and never bring back one already done", async () => {
      const record = sampleRecord('PP-2027-000001');
      await store.applications.create(record, [], [], [job('a:nudge', -1, record.id), job('a:overdue', 30, record.id)]);
      await store.jobs.claimDue(T0, 10, 'w', at(2));
      expect(await store.jobs.complete('a:nudge', 'w', T0)).toBe(true);

      // The step is decided: its jobs vanish; the new state's job appears; the done nudge stays done.
      await store.applications.update(
        { ...record },
        1,
        [],
        [],
        [job('a:nudge', -1, record.id), job('a:fulfillment', 60, record.id)],
      );
      expect(jobIds(await other.jobs.pendingFor(record.id))).toEqual(['a:fulfillment']);
    });

    it('should let a job re-derived by its application while it runs still complete under its lease', async () => {
      const record = sampleRecord('PP-2027-000003');
      await store.applications.create(record, [], [], [job('c:nudge', -1, record.id)]);
      expect(jobIds(await store.jobs.claimDue(T0, 10, 'w', at(2)))).toEqual(['c:nudge']);
      await other.applications.update({ ...record }, 1, [], [], [job('c:nudge', -1, record.id)]);
      expect(await store.jobs.complete('c:nudge', 'w', T0)).toBe(true);
      expect(await other.jobs.pendingFor(record.id)).toEqual([]);
    });

    it('should settle a job cancelled while it ran without its effects, so the decision that cancelled it stands', async () => {
      const record = sampleRecord('PP-2027-000004');
      await store.applications.create(record, [], [], [job('d:nudge', -1, record.id)]);
      expect(jobIds(await store.jobs.claimDue(T0, 10, 'w', at(2)))).toEqual(['d:nudge']);
      // Meanwhile, on another instance, the step is decided: its reminder is no longer wanted.
      expect((await other.applications.update({ ...record }, 1, [], [], [])).ok).toBe(true);
      const audit = auditEntry(T0, 'plandesk', 'spot_check.draw', 'spot-check:2027-04', null, { drawn: 1 });
      expect(
        await store.jobs.complete('d:nudge', 'w', T0, {
          outbox: [notice('late-reminder')],
          audit: [audit],
          schedule: [job('d:follow-up', 5, record.id)],
        }),
      ).toBe(true);
      expect(await other.outbox.get('late-reminder')).toBeNull();
      expect(await other.audit.about('spot-check:2027-04')).toEqual([]);
      expect(await other.jobs.pendingFor(record.id)).toEqual([]);
      expect(await other.jobs.claimDue(at(10), 10, 'w', at(12))).toEqual([]);
    });

    it("should leave an application's jobs alone when its write is refused as stale", async () => {
      const record = sampleRecord('PP-2027-000002');
      await store.applications.create(record, [], [], [job('b:nudge', 10, record.id)]);
      const stale = await store.applications.update({ ...record }, 7, [], [], []);
      expect(stale.ok).toBe(false);
      expect(jobIds(await store.jobs.pendingFor(record.id))).toEqual(['b:nudge']);
    });
  });
}
