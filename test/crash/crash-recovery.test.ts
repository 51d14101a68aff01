import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { delay, stopAllProcesses } from '../../scripts/support/processes';
import * as sharedForms from '../support/forms';
import { actionData, PEOPLE, textOf, type CardJson, type Someone } from '../support/teams-harness';
import { calendarFor } from '../../src/calendar/calendar-for';
import { addBusinessDays } from '../../src/domain/business-days';
import { addMonths, monthOf, shanghaiDate, shanghaiInstant } from '../../src/domain/local-date';
import {
  countBy,
  isPost,
  plus,
  subjectOfCopy,
  subjectOfPost,
  subjectOfRow,
  tally,
  unrecordedPosts,
} from './support/deliveries';
import { killHard, logDir, runTick, startPlanDesk, startTick } from './support/plandesk-processes';
import { startRecordingConnector, type ReceivedCall, type RecordingConnector } from './support/recording-connector';
import {
  copyStore,
  pendingCount,
  snapshotStore,
  type OutboxRow,
  type JobRow,
  type StoreSnapshot,
} from './support/store-snapshot';
import { chatOf, teamsClient, type TeamsClient } from './support/teams-client';

/*
 * The real bot, as its own process on a SQLite file, against a stand-in Bot Connector that can be
 * made slow. It is SIGKILLed while Teams holds its sends, started again, and must deliver everything;
 * then days pass: `plandesk tick --now` runs the due jobs, is SIGKILLed while it delivers what they
 * decided, and a second tick finishes. Posts are counted at the connector by what they are (a card
 * of an application, or a text about one, in someone's chat) against the outbox and card copies.
 *
 * Delivery is at least once, not exactly once: a message Teams took just before the kill, whose
 * outcome the store had not recorded yet, is posted again after the restart. The test works out
 * exactly which ones from the connector's log and the store as the kill left it, and expects those
 * twice and everything else once.
 */

const { zhangWei, huangLi, liNa, wangFang, liuQiang } = PEOPLE;

const today = shanghaiDate(new Date());
// Plans start next month, so the forms stay valid whatever today is.
const startMonth = addMonths(monthOf(today), 1);
/** The n-th sample application, filed when the bot first starts (01 cloud PBX for 刘强, 02 line for 王芳, 03 IoT for 李娜). */
const sample = (n: number) => `PP-${today.slice(0, 4)}-${String(n).padStart(6, '0')}`;

/** The shared forms (test/support/forms.ts), starting next month. */
const lineForm = { ...sharedForms.lineForm, startMonth };
const agentForm = { ...sharedForms.agentForm, startMonth };
const tier2Form = { ...sharedForms.tier2Form, startMonth };

/** Each connector answer is held this long while a kill is prepared, so sends are in flight. */
const SLOW_MS = 1500;
/**
 * The outbox lease plus the send timeout it is renewed by before each send (PLANDESK_DELIVERY_LEASE_MS
 * and PLANDESK_SEND_TIMEOUT_MS, 3 s each here): the longest a killed process's claim keeps a message,
 * and the messages behind it in the same chat, from the restarted one.
 */
const LONGEST_LEASE_MS = 6_000;

async function until(what: string, done: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await delay(100);
  }
  return Date.now() - started;
}

const postsIn = (calls: readonly ReceivedCall[]) => countBy(calls, subjectOfPost);
const cutPostsIn = (calls: readonly ReceivedCall[]) =>
  countBy(
    calls.filter((c) => c.outcome === 'cut'),
    subjectOfPost,
  );
const sentPostsOf = (snapshot: StoreSnapshot, afterSeq = 0) =>
  countBy(
    snapshot.outbox.filter((r) => r.seq > afterSeq && isPost(r) && r.status === 'sent'),
    subjectOfRow,
  );
const lastSeq = (snapshot: StoreSnapshot) => snapshot.outbox.at(-1)?.seq ?? 0;
const notSent = (rows: readonly OutboxRow[]) =>
  rows
    .filter((r) => r.status !== 'sent')
    .map((r) => `${r.id} ${r.kind} ${r.conversationKey} ${r.status} ${r.lastError ?? ''}`);
const jobLine = (j: JobRow) => `${j.id} ${j.status} attempts=${j.attempts} done=${j.doneAt ?? '-'}`;
const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
/** Enough in flight to kill: three requests, at least one of them a post (a card or a text). */
const busy = (held: readonly ReceivedCall[]) => held.length >= 3 && held.some((c) => subjectOfPost(c) !== null);

describe('PlanDesk killed with SIGKILL while messages and jobs are in flight', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plandesk-crash-'));
  const dbPath = path.join(dir, 'plandesk.db');
  const logs = logDir('crash-recovery');
  const timings: Record<string, number> = {};
  let connector: RecordingConnector;

  // What the scenario saw; the tests below judge it.
  const bot = {
    pid: 0,
    killedAt: 0,
    restartedAt: 0,
    held: 0,
    callsBefore: [] as ReceivedCall[],
    atKill: {} as StoreSnapshot,
    after: {} as StoreSnapshot,
    callsAfter: 0,
  };
  const ticks = {
    at: new Date(0),
    secondAt: new Date(0),
    before: {} as StoreSnapshot,
    held: 0,
    callsBefore: [] as ReceivedCall[],
    atKill: {} as StoreSnapshot,
    after: {} as StoreSnapshot,
    callsAfter: 0,
  };
  const reference = { store: {} as StoreSnapshot, calls: [] as ReceivedCall[] };

  /** The newest card of an application posted into someone's chat, and the activity id Teams gave it. */
  function cardIn(who: Someone, applicationId: string): { card: CardJson; activityId: string } {
    const call = [...connector.calls]
      .reverse()
      .find((c) => subjectOfPost(c) === `${chatOf(who)} card ${applicationId}`);
    const card = (call?.body.attachments?.[0] as { content?: CardJson } | undefined)?.content;
    if (!call || !card) throw new Error(`${who.name} has no card of ${applicationId}`);
    return { card, activityId: `reply-${call.n}` };
  }

  async function decide(
    teams: TeamsClient,
    who: Someone,
    applicationId: string,
    verb: string,
    comment?: string,
  ): Promise<void> {
    const { card, activityId } = cardIn(who, applicationId);
    const data = actionData(card, verb);
    if (!data) throw new Error(`${who.name}'s card of ${applicationId} has no ${verb}`);
    const answer = await teams.tap(
      who,
      verb,
      { ...data, ...(comment ? { [`${verb.split('.')[1]}Comment`]: comment } : {}) },
      activityId,
    );
    expect(textOf(answer)).toContain(applicationId);
  }

  /** Files a form from the form card posted as `formActivityId` (that card becomes the applicant's copy). */
  async function submit(
    teams: TeamsClient,
    who: Someone,
    form: Record<string, unknown>,
    formActivityId: string,
  ): Promise<string> {
    const answer = await teams.tap(who, 'form.submit', form, formActivityId);
    const id = /PP-\d{4}-\d{6}/.exec(textOf(answer))?.[0];
    if (!id) throw new Error(`${who.name}'s form was not filed: ${textOf(answer).slice(0, 300)}`);
    return id;
  }

  const drained = (what: string, timeoutMs: number) =>
    until(what, () => pendingCount(dbPath) === 0 && connector.held() === 0, timeoutMs);

  /** Everyone opens their chat, two plans are filed; then Teams slows down, a burst of decisions follows, and the bot is killed. */
  async function killTheBotMidDelivery(): Promise<void> {
    const running = await startPlanDesk(dbPath, path.join(logs, 'bot-1.log'));
    const teams = teamsClient(running.endpoint, connector.url);
    for (const who of Object.values(PEOPLE)) await teams.say(who, '你好');
    await drained("the sample applications' cards delivered", 15_000);
    const linePlan = await submit(teams, zhangWei, lineForm, 'form-zhang-wei-1');
    const agentPlan = await submit(teams, huangLi, agentForm, 'form-huang-li-1');
    await drained("the new applications' cards delivered", 15_000);

    connector.setDelay(SLOW_MS);
    await decide(teams, liuQiang, sample(1), 'plan.approve');
    await decide(teams, wangFang, sample(2), 'plan.approve');
    await decide(teams, liNa, sample(3), 'plan.approve');
    await decide(teams, wangFang, linePlan, 'plan.return', '请补充四个厂区的地址');
    await decide(teams, liNa, agentPlan, 'plan.reject', '代理渠道资质不全');
    await submit(teams, zhangWei, tier2Form, 'form-zhang-wei-2');
    await connector.waitForHeld(busy, 'three requests, one a post', 10_000);
    bot.held = connector.held();
    bot.pid = running.process.pid;
    bot.killedAt = Date.now();
    await killHard(running.process);
    bot.callsBefore = [...connector.calls];
    bot.atKill = snapshotStore(dbPath);
    // The killed process's sockets close: what the connector still held is cut.
    await connector.waitForNoneHeld(5_000);
  }

  /** The bot again on the same store, Teams answering at once; waits until the outbox is empty. */
  async function restartTheBot(): Promise<void> {
    connector.setDelay(0);
    const running = await startPlanDesk(dbPath, path.join(logs, 'bot-2.log'));
    bot.restartedAt = Date.now();
    timings.restartAfterKillMs = bot.restartedAt - bot.killedAt;
    timings.outboxEmptyAfterRestartMs = await drained(
      'every message delivered after the restart',
      LONGEST_LEASE_MS + 30_000,
    );
    bot.after = snapshotStore(dbPath);
    bot.callsAfter = connector.calls.length;
    await running.stop();
  }

  /**
   * Ten working days on (every deadline and its grace passed; 10:00 is in working hours), a tick runs
   * the due jobs and is killed while Teams holds what they decided; a second one three minutes on
   * finishes. The bot is stopped meanwhile: its clock cannot be moved, and a tick at a later --now
   * takes its leases for expired. A copy of the store runs the same two ticks without a crash.
   */
  async function runTheJobsThroughAKilledTick(): Promise<void> {
    ticks.at = shanghaiInstant(addBusinessDays(calendarFor({}), today, 10), '10:00');
    ticks.secondAt = new Date(ticks.at.getTime() + 3 * 60_000);
    const referenceDb = path.join(dir, 'reference.db');
    await copyStore(dbPath, referenceDb);
    ticks.before = snapshotStore(dbPath);

    connector.setDelay(SLOW_MS);
    const first = startTick(dbPath, ticks.at, path.join(logs, 'tick-1.log'));
    await connector.waitForHeld((held) => held.some((c) => subjectOfPost(c) !== null), 'a post', 20_000);
    ticks.held = connector.held();
    await killHard(first);
    ticks.callsBefore = [...connector.calls];
    ticks.atKill = snapshotStore(dbPath);
    await connector.waitForNoneHeld(5_000);
    connector.setDelay(0);
    await runTick(dbPath, ticks.secondAt, path.join(logs, 'tick-2.log'), 30_000);
    ticks.after = snapshotStore(dbPath);
    ticks.callsAfter = connector.calls.length;

    await runTick(referenceDb, ticks.at, path.join(logs, 'reference-tick-1.log'), 30_000);
    await runTick(referenceDb, ticks.secondAt, path.join(logs, 'reference-tick-2.log'), 30_000);
    reference.store = snapshotStore(referenceDb);
    reference.calls = connector.calls.slice(ticks.callsAfter);
  }

  const sinceTicks = () => ({ seq: lastSeq(ticks.before), calls: bot.callsAfter });

  beforeAll(async () => {
    const started = Date.now();
    connector = await startRecordingConnector();
    await killTheBotMidDelivery();
    await restartTheBot();
    await runTheJobsThroughAKilledTick();
    timings.totalMs = Date.now() - started;
    // For whoever reads the logs: how long it took and what Teams showed twice.
    writeFileSync(
      path.join(logs, 'summary.json'),
      JSON.stringify(
        {
          timings,
          postedTwiceAfterTheBotKill: tally(unrecordedPosts(bot.callsBefore, bot.atKill)),
          postedTwiceAfterTheTickKill: tally(unrecordedPosts(ticks.callsBefore, ticks.atKill, sinceTicks())),
          // Chats whose first message the killed bot had leased wait for the lease; the others go at once.
          postsAfterTheRestart: connector.calls
            .slice(bot.callsBefore.length, bot.callsAfter)
            .map((c) => `+${c.receivedAt - bot.restartedAt} ms ${c.method} ${subjectOfPost(c) ?? c.url}`),
        },
        null,
        2,
      ),
    );
  }, 180_000);

  afterAll(async () => {
    await stopAllProcesses();
    await connector?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the bot, killed mid-delivery and started again', () => {
    it('was killed with sends held at the connector and their messages leased to it in the outbox', () => {
      expect(bot.held).toBeGreaterThanOrEqual(3);
      // A request on its way when the kill came is recorded after it, and cut too.
      expect(bot.callsBefore.filter((c) => c.outcome === 'cut').length).toBeGreaterThanOrEqual(bot.held);
      const leased = bot.atKill.outbox.filter(
        (r) =>
          r.status === 'pending' &&
          r.leaseOwner?.includes(`:${bot.pid}:`) &&
          (r.leaseUntil ?? '') > new Date(bot.killedAt).toISOString(),
      );
      expect(leased.length).toBeGreaterThanOrEqual(bot.held);
    });

    it('delivers every message after the restart, none dead, those the killed process had claimed included', () => {
      expect(notSent(bot.after.outbox)).toEqual([]);
      const pendingAtKill = bot.atKill.outbox.filter((r) => r.status === 'pending').map((r) => r.id);
      expect(pendingAtKill.length).toBeGreaterThanOrEqual(bot.held);
      expect(bot.after.outbox.filter((r) => pendingAtKill.includes(r.id)).map((r) => r.status)).toEqual(
        pendingAtKill.map(() => 'sent'),
      );
    });

    it('posts each card and text once, except those Teams took before the kill that the store had not recorded: those twice', () => {
      const unrecorded = unrecordedPosts(bot.callsBefore, bot.atKill);
      // Negative would be a message recorded as sent that Teams never got: a lost message.
      expect(tally(unrecorded).filter(([, n]) => n < 0)).toEqual([]);
      // A post cut off by the kill cannot have been recorded; the wait before the kill made sure there is one.
      const cut = cutPostsIn(bot.callsBefore);
      expect(sum(cut)).toBeGreaterThanOrEqual(1);
      expect(tally(cut).filter(([subject, n]) => (unrecorded.get(subject) ?? 0) < n)).toEqual([]);
      expect(tally(postsIn(connector.calls.slice(0, bot.callsAfter)))).toEqual(
        tally(plus(sentPostsOf(bot.after), unrecorded)),
      );
    });

    it('keeps one card copy per card it recorded as posted, so the second post of a card is a copy it never updates', () => {
      const calls = connector.calls.slice(0, bot.callsAfter);
      const answered = new Map(
        calls
          .filter((c) => c.method === 'POST' && c.outcome === 'answered')
          .map((c) => [`reply-${c.n}`, subjectOfPost(c)]),
      );
      // Copies made by posting (the applicants' form cards, kept when they submitted, are the others).
      const posted = bot.after.cardCopies.filter((c) => c.activityId.startsWith('reply-'));
      expect(posted.map((c) => [c.activityId, answered.get(c.activityId)])).toEqual(
        posted.map((c) => [c.activityId, subjectOfCopy(c)]),
      );
      const cards = new Map([...sentPostsOf(bot.after)].filter(([subject]) => subject.includes(' card ')));
      expect(tally(countBy(posted, subjectOfCopy))).toEqual(tally(cards));
      const known = new Set(bot.after.cardCopies.map((c) => c.activityId));
      expect(calls.filter((c) => c.method === 'PUT' && !known.has(c.activityId ?? '')).map((c) => c.url)).toEqual([]);
    });
  });

  describe('the due jobs, run by a tick that is killed mid-delivery and a second tick', () => {
    it('had jobs due at the tick, and the tick was killed with what they decided held at the connector', () => {
      expect(
        ticks.before.jobs.filter((j) => j.status === 'pending' && j.dueAt <= ticks.at.toISOString()).length,
      ).toBeGreaterThanOrEqual(5);
      expect(ticks.held).toBeGreaterThanOrEqual(1);
      expect(sum(cutPostsIn(ticks.callsBefore.slice(bot.callsAfter)))).toBeGreaterThanOrEqual(1);
      expect(
        ticks.atKill.outbox.filter((r) => r.seq > lastSeq(ticks.before) && r.status === 'pending').length,
      ).toBeGreaterThanOrEqual(1);
    });

    it('runs every job due by the second tick exactly once, deciding what a run without the crash decides', () => {
      const due = ticks.after.jobs.filter((j) => j.dueAt <= ticks.secondAt.toISOString());
      expect(due.filter((j) => j.status === 'pending').map(jobLine)).toEqual([]);
      expect(due.filter((j) => j.status === 'done' && j.attempts !== 1).map(jobLine)).toEqual([]);
      expect(ticks.after.jobs.map(jobLine)).toEqual(reference.store.jobs.map(jobLine));
      expect(ticks.after.auditEntries).toBe(reference.store.auditEntries);
      // Message ids are fresh on each run: messages are compared by everything else.
      const decided = (s: StoreSnapshot) =>
        s.outbox
          .filter((r) => r.seq > lastSeq(ticks.before))
          .map((r) =>
            JSON.stringify([r.kind, r.applicationId, r.conversationKey, r.key, r.params, r.notBefore, r.createdAt]),
          )
          .sort();
      expect(decided(ticks.after)).toEqual(decided(reference.store));
    });

    it('delivers what the jobs decided once, except the posts the killed tick had in flight: those twice', () => {
      expect(notSent(ticks.after.outbox)).toEqual([]);
      const unrecorded = unrecordedPosts(ticks.callsBefore, ticks.atKill, sinceTicks());
      expect(tally(unrecorded).filter(([, n]) => n < 0)).toEqual([]);
      expect(
        tally(cutPostsIn(ticks.callsBefore.slice(bot.callsAfter))).filter(
          ([subject, n]) => (unrecorded.get(subject) ?? 0) < n,
        ),
      ).toEqual([]);
      const posted = postsIn(connector.calls.slice(bot.callsAfter, ticks.callsAfter));
      expect(tally(posted)).toEqual(tally(plus(sentPostsOf(ticks.after, sinceTicks().seq), unrecorded)));
      expect(tally(posted)).toEqual(tally(plus(postsIn(reference.calls), unrecorded)));
    });
  });
});
