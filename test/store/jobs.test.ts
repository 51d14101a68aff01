import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '../../src/app/ports/jobs';
import type { Store } from '../../src/app/ports/store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { sampleRecord } from './fixtures';

const T0 = new Date('2027-03-01T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const job = (id: string, dueInMinutes: number, applicationId: string | null = null): Job => ({ id, kind: 'step.nudge', applicationId, dueAt: at(dueInMinutes).toISOString(), payload: {} });

describe('the SQLite job table', () => {
  let dir: string;
  let store: Store;
  let other: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-jobs-'));
    store = openSqliteStore(join(dir, 'plandesk.db'));
    other = openSqliteStore(join(dir, 'plandesk.db'));
  });
  afterEach(async () => {
    await store.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('claims only what is due, soonest first', async () => {
    await store.jobs.schedule([job('later', 10), job('due-2', -1), job('due-1', -5)]);
    expect((await store.jobs.claimDue(T0, 10, 'a', at(2))).map((j) => j.id)).toEqual(['due-1', 'due-2']);
  });

  it('never gives one job to two processes while its lease holds, and gives it back when the lease runs out', async () => {
    await store.jobs.schedule([job('j', -1)]);
    expect((await store.jobs.claimDue(T0, 10, 'a', at(2))).map((j) => j.id)).toEqual(['j']);
    expect(await other.jobs.claimDue(T0, 10, 'b', at(2))).toEqual([]);
    expect((await other.jobs.claimDue(at(3), 10, 'b', at(5))).map((j) => j.id)).toEqual(['j']);
    // The first process lost it: its completion is refused.
    expect(await store.jobs.complete('j', 'a', at(3))).toBe(false);
    expect(await other.jobs.complete('j', 'b', at(3))).toBe(true);
  });

  it("commits a job's effects with its completion, and not otherwise", async () => {
    await store.jobs.schedule([job('j', -1)]);
    await store.jobs.claimDue(T0, 10, 'a', at(2));
    const message = { id: 'm1', createdAt: T0.toISOString(), kind: 'text' as const, applicationId: null, to: { kind: 'channel' as const, channel: 'ops' }, key: 'reminder.step' as const, params: {} };
    expect(await store.jobs.complete('j', 'someone-else', T0, { outbox: [message] })).toBe(false);
    expect(await store.outbox.pending(10)).toEqual([]);
    expect(await store.jobs.complete('j', 'a', T0, { outbox: [message], schedule: [job('next', 60)] })).toBe(true);
    expect((await store.outbox.pending(10)).map((m) => m.id)).toEqual(['m1']);
    expect((await store.jobs.claimDue(at(61), 10, 'a', at(62))).map((j) => j.id)).toEqual(['next']);
  });

  it('puts a failed job back for a later try', async () => {
    await store.jobs.schedule([job('j', -1)]);
    await store.jobs.claimDue(T0, 10, 'a', at(2));
    await store.jobs.fail('j', 'a', 'boom', at(5));
    expect(await store.jobs.claimDue(at(4), 10, 'a', at(6))).toEqual([]);
    expect((await store.jobs.claimDue(at(5), 10, 'a', at(7))).map((j) => j.id)).toEqual(['j']);
  });

  it("replaces an application's pending jobs with its write, and never brings back one already done", async () => {
    const record = sampleRecord('PP-2027-000001');
    await store.applications.create(record, [], [], [job('a:nudge', -1, record.id), job('a:overdue', 30, record.id)]);
    await store.jobs.claimDue(T0, 10, 'w', at(2));
    expect(await store.jobs.complete('a:nudge', 'w', T0)).toBe(true);

    // The step is decided: its jobs vanish; the new state's job appears; the done nudge stays done.
    await store.applications.update({ ...record }, 1, [], [], [job('a:nudge', -1, record.id), job('a:fulfillment', 60, record.id)]);
    expect((await store.jobs.pendingFor(record.id)).map((j) => j.id)).toEqual(['a:fulfillment']);
  });

  it('settles a job cancelled while it ran without its effects (the decision that cancelled it stands)', async () => {
    const record = sampleRecord('PP-2027-000003');
    await store.applications.create(record, [], [], [job('c:nudge', -1, record.id)]);
    await store.jobs.claimDue(T0, 10, 'w', at(2));
    // Meanwhile the step is decided: its reminder is no longer wanted.
    await store.applications.update({ ...record }, 1, [], [], []);
    const reminder = { id: 'r1', createdAt: T0.toISOString(), kind: 'text' as const, applicationId: record.id, to: { kind: 'person' as const, id: 'wang-fang' }, key: 'reminder.step' as const, params: {} };
    expect(await store.jobs.complete('c:nudge', 'w', T0, { outbox: [reminder] })).toBe(true);
    expect(await store.outbox.pending(10)).toEqual([]);
    expect(await store.jobs.claimDue(at(10), 10, 'w', at(12))).toEqual([]);
  });

  it("leaves an application's jobs alone when its write is refused as stale", async () => {
    const record = sampleRecord('PP-2027-000002');
    await store.applications.create(record, [], [], [job('b:nudge', 10, record.id)]);
    const stale = await store.applications.update({ ...record }, 7, [], [], []);
    expect(stale.ok).toBe(false);
    expect((await store.jobs.pendingFor(record.id)).map((j) => j.id)).toEqual(['b:nudge']);
  });
});
