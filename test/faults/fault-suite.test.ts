import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startBot, type RunningBot } from '../../scripts/support/bot-process';
import { delay, stopAllProcesses } from '../../scripts/support/processes';
import { addMonths, monthOf, shanghaiDate } from '../../src/domain/local-date';
import { findPlanNumber } from '../../src/domain/plan-number';
import { t } from '../../src/i18n';
import { countBy, isPost, subjectOfPost, subjectOfRow } from '../crash/support/deliveries';
import { killHard, logDir } from '../crash/support/plandesk-processes';
import { snapshotStore } from '../crash/support/store-snapshot';
import { teamsClient } from '../crash/support/teams-client';
import { lineForm } from '../support/forms';
import { PEOPLE } from '../support/teams-harness';
import { seeded, startFaultyConnector, type FaultyCall, type FaultyConnector } from './support/faulty-connector';

/*
 * Issue 14's fault suite. The real bot as its own process on a SQLite file, against a Bot Connector
 * stand-in that fails 30% of what it is sent (429 with Retry-After, 500, 502, 403, resets, timeouts),
 * while applications flow through approval — 张伟 files a line plan, 王芳 approves it — from several
 * clients at once, and the bot is SIGKILLed at random moments and started again. A client whose request
 * got no HTTP 200 tries again (the form with the same draft id, as a person tapping again would).
 *
 * Most sends happen after the flow (Teams' two posts a second in a chat pace them), so the faults go on
 * for the first part of the drain and half of the kills land there, while the outbox is being delivered.
 * Then, faults off and every person writing once (a 403 takes their chat for gone until they do), the
 * outbox drains, and the store must hold: every acknowledged submission filed once, every acknowledged
 * approval decided once, every message sent or dead-lettered with ops told, and a message posted twice
 * only where Teams took it and the bot never read the answer (a timeout, or a kill).
 *
 * PLANDESK_FAULT_APPS (30), PLANDESK_FAULT_KILLS (3), PLANDESK_FAULT_SEED: small enough for every run;
 * `npm run test:faults` runs the issue's 200 applications and 20 kills.
 */

const APPS = Number(process.env.PLANDESK_FAULT_APPS ?? 30);
const KILLS = Number(process.env.PLANDESK_FAULT_KILLS ?? 3);
const SEED = Number(process.env.PLANDESK_FAULT_SEED ?? Date.now() % 100_000);
// Printed first, so a failed run can be repeated with PLANDESK_FAULT_SEED.
console.log(`fault suite seed ${SEED}`);
const FAILURE_RATE = 0.3;
const CLIENTS = 8;
const SEND_TIMEOUT_MS = 1_000;

const { zhangWei, wangFang } = PEOPLE;
const startMonth = addMonths(monthOf(shanghaiDate(new Date())), 1);

const BOT_ENV = {
  LOG_LEVEL: 'warn',
  PLANDESK_DELIVERY_INTERVAL_MS: '200',
  PLANDESK_DELIVERY_LEASE_MS: '1000',
  PLANDESK_SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS),
  PLANDESK_DELIVERY_RETRY_MS: '200',
  PLANDESK_DELIVERY_ATTEMPTS: '5',
};

interface AppRow {
  id: string;
  state: string;
  customer: string;
  approvals: number;
}

function applications(dbPath: string): AppRow[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare('SELECT id, state, doc FROM applications').all() as { id: string; state: string; doc: string }[]
    ).map((r) => {
      const doc = JSON.parse(r.doc) as { input: { customer: { name: string } }; history: { action: string }[] };
      return {
        id: r.id,
        state: r.state,
        customer: doc.input.customer.name,
        approvals: doc.history.filter((h) => h.action.endsWith('.approve')).length,
      };
    });
  } finally {
    db.close();
  }
}

describe('the fault suite: a failing connector and a bot killed at random, with nothing acknowledged lost', () => {
  let dir: string;
  let connector: FaultyConnector;
  let bot: RunningBot;
  const logs = logDir(`faults-${APPS}`);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'plandesk-faults-'));
    connector = await startFaultyConnector(SEED);
  });
  afterAll(async () => {
    await stopAllProcesses();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${APPS} applications through approval, ${KILLS} SIGKILLs, ${FAILURE_RATE * 100}% of sends failing`, async () => {
    const started = Date.now();
    const dbPath = path.join(dir, 'plandesk.db');
    let starts = 0;
    const start = async () => {
      starts += 1;
      bot = await startBot({
        dbPath,
        logFile: path.join(logs, `bot-${starts}.log`),
        entry: 'source',
        env: BOT_ENV,
        ...(starts > 1 ? { port: bot.port } : {}),
      });
      return bot;
    };
    await start();
    const client = () => teamsClient(bot.endpoint, connector.url);
    for (const who of Object.values(PEOPLE)) await client().say(who, '你好');
    connector.setFailureRate(FAILURE_RATE);

    /** Tries until the bot answers HTTP 200 (while it is down or restarting, every try fails). */
    const untilAcknowledged = async <T>(request: () => Promise<T>): Promise<T> => {
      for (;;) {
        try {
          return await request();
        } catch {
          await delay(100);
        }
      }
    };

    const acknowledged = { submitted: new Map<number, string>(), approved: new Set<string>() };
    let done = 0;
    const random = seeded(SEED + 1);
    // Half the kills land after random numbers of finished applications, each a random moment later; the
    // rest at random moments of the faulty drain.
    const flowKills = Math.ceil(KILLS / 2);
    const killAt = Array.from({ length: flowKills }, () => Math.floor(random() * APPS)).sort((a, b) => a - b);
    const faultyDrainMs = Math.max(30_000, APPS * 1_000);
    const drainKillsAt = Array.from({ length: KILLS - flowKills }, () => Math.floor(random() * faultyDrainMs)).sort(
      (a, b) => a - b,
    );
    const kills: number[] = [];
    let restarting: Promise<void> | null = null;
    const maybeKill = () => {
      while (!restarting && killAt.length > 0 && (killAt[0] ?? APPS) <= done) {
        killAt.shift();
        restarting = (async () => {
          await delay(Math.floor(random() * 300));
          kills.push(Date.now());
          await killHard(bot.process);
          await start();
        })().finally(() => {
          restarting = null;
        });
      }
    };

    const flow = async (i: number) => {
      const form = {
        ...lineForm,
        startMonth,
        customerName: `故障客户-${i}`,
        draftId: `fault-draft-${i}`,
      };
      const card = await untilAcknowledged(() => client().tap(zhangWei, 'form.submit', form, `form-${i}`));
      const id = findPlanNumber(JSON.stringify(card));
      if (!id) throw new Error(`application ${i}: the answer names no plan: ${JSON.stringify(card).slice(0, 300)}`);
      acknowledged.submitted.set(i, id);
      await untilAcknowledged(() =>
        client().tap(wangFang, 'plan.approve', { applicationId: id, revision: 1, stepIndex: 0 }, `card-${id}`),
      );
      acknowledged.approved.add(id);
      done += 1;
      maybeKill();
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < APPS) await flow(next++);
      }),
    );
    while (restarting || killAt.length > 0) {
      killAt.splice(0, killAt.length, ...killAt.map(() => 0));
      maybeKill();
      await restarting;
    }
    const flowed = Date.now();
    const faultsInFlow = connector.calls.filter((c) => c.fault !== 'none').length;

    // The outbox drains with the faults still on, killed now and then; an empty outbox ends it sooner.
    // People go on writing every few seconds, as at work: a chat a 403 took for gone is active again when
    // its person writes (in the flow 张伟 and 王芳 do, with every tap), so the drain has sends to fail.
    let draining = true;
    const writing = (async () => {
      while (draining) {
        for (const who of Object.values(PEOPLE)) await untilAcknowledged(() => client().say(who, '你好'));
        await delay(3_000);
      }
    })();
    for (const at of drainKillsAt) {
      await delay(Math.max(0, flowed + at - Date.now()));
      if (!snapshotStore(dbPath).outbox.some((r) => r.status === 'pending')) break;
      kills.push(Date.now());
      await killHard(bot.process);
      await start();
    }
    const faultsOff = flowed + faultyDrainMs;
    while (Date.now() < faultsOff && snapshotStore(dbPath).outbox.some((r) => r.status === 'pending')) await delay(250);
    draining = false;
    await writing;
    const faultyDrained = Date.now();

    // Faults off; everyone writes once, so a chat a 403 took for gone is active again and its messages go.
    connector.setFailureRate(0);
    for (const who of Object.values(PEOPLE)) await untilAcknowledged(() => client().say(who, '你好'));
    // Teams' per-chat limits (60 in 30 s: two a second) pace what 王芳's and 张伟's chats get, some three posts and
    // card updates an application: at least 1.5 s an application, more with the retries the faults left. The
    // 200-application run had 53 of 1,478 messages, never tried yet, left after 3 s an application.
    const drainBy = Date.now() + Math.max(120_000, APPS * 5_000);
    let snapshot = snapshotStore(dbPath);
    while (snapshot.outbox.some((r) => r.status === 'pending') && Date.now() < drainBy) {
      await delay(250);
      snapshot = snapshotStore(dbPath);
    }
    await bot.stop();
    snapshot = snapshotStore(dbPath);
    const apps = applications(dbPath);

    // 0 acknowledged submissions lost, none filed twice.
    const byCustomer = countBy(apps, (a) => a.customer);
    const lostSubmissions = [...acknowledged.submitted].filter(([i, id]) => {
      const app = apps.find((a) => a.id === id);
      return !app || app.customer !== `故障客户-${i}`;
    });
    expect(lostSubmissions).toEqual([]);
    expect([...byCustomer].filter(([, n]) => n > 1)).toEqual([]);
    // 0 acknowledged decisions lost, no step decided twice.
    const lostDecisions = [...acknowledged.approved].filter(
      (id) => apps.find((a) => a.id === id)?.state === 'in_review',
    );
    expect(lostDecisions).toEqual([]);
    expect(apps.filter((a) => a.approvals > 1).map((a) => a.id)).toEqual([]);

    // Every message delivered or dead-lettered, and ops told of each dead letter.
    // What keeps one back, when one is: its tries, lease, hold and chat.
    const held = snapshot.outbox
      .filter((r) => r.status === 'pending')
      .map(
        (r) =>
          `${r.id} ${r.kind} to ${r.conversationKey}: ${r.attempts} tries, not before ${r.notBefore}, lease ${r.leaseOwner} until ${r.leaseUntil}, ${r.lastError}`,
      );
    if (held.length > 0) console.log(`at ${new Date().toISOString()}, of ${snapshot.outbox.length} messages:`, held);
    expect(held).toEqual([]);
    const isOpsNotice = (key: string | null) => key !== null && key.startsWith('ops.');
    const dead = snapshot.outbox.filter((r) => r.status === 'dead' && !isOpsNotice(r.key));
    const untold = dead.filter(
      (d) => !snapshot.outbox.some((r) => isOpsNotice(r.key) && r.id.includes(`:${d.id}`) && r.status !== 'pending'),
    );
    expect(untold.map((d) => d.id)).toEqual([]);

    // Duplicates: posts Teams took beyond the rows marked sent, per chat and subject; each one a post whose
    // answer the bot never read (held past its deadline, or taken just before a kill).
    // A turn whose answer Teams refused answers with an apology instead (turn_failed): a turn's answer, not an
    // outbox message, so it is counted on its own and not taken for a duplicate.
    const apologies = (['zh-CN', 'en-US'] as const).map(
      (lang) => t(lang, 'error.turn_failed', { ref: '\u0000' }).split('\u0000')[0] ?? '',
    );
    const isApology = (c: FaultyCall) => apologies.some((start) => (c.body.text ?? '').startsWith(start));
    const apologised = connector.calls.filter((c) => c.taken && isApology(c)).length;
    const taken = connector.calls.filter((c) => c.taken && !isApology(c));
    const posted = countBy(taken, (c) => subjectOfPost(toReceived(c)));
    const sent = countBy(
      snapshot.outbox.filter((r) => isPost(r) && r.status === 'sent'),
      subjectOfRow,
    );
    const unread = (c: FaultyCall) =>
      c.fault === 'timeout' || kills.some((k) => c.receivedAt <= k && c.receivedAt > k - SEND_TIMEOUT_MS - 1_000);
    const excusable = countBy(taken.filter(unread), (c) => subjectOfPost(toReceived(c)));
    let duplicates = 0;
    let unexcusedCount = 0;
    const lostPosts: string[] = [];
    const unexcused: string[] = [];
    for (const subject of new Set([...posted.keys(), ...sent.keys()])) {
      const extra = (posted.get(subject) ?? 0) - (sent.get(subject) ?? 0);
      if (extra < 0) lostPosts.push(`${subject} ×${-extra}`);
      if (extra > 0) duplicates += extra;
      const beyond = extra - (excusable.get(subject) ?? 0);
      if (beyond > 0) {
        unexcused.push(`${subject} ×${beyond}`);
        unexcusedCount += beyond;
      }
    }
    expect(lostPosts).toEqual([]);
    // A duplicate is a post Teams took before its row was marked sent: its answer was lost (a timeout, a kill),
    // or came back after the bot had stopped waiting for it (its send timeout passed under load) and another
    // try sent it again. The first two are told apart by time above and may be as many as the faults make;
    // the last cannot be told from outside, so those are bounded (2% of what Teams took), counted and printed.
    expect(unexcusedCount).toBeLessThanOrEqual(Math.max(3, Math.ceil(taken.length * 0.02)));

    const faults = countBy(connector.calls, (c) => c.fault);
    console.log(
      [
        `fault suite (seed ${SEED}): ${APPS} applications, ${acknowledged.submitted.size} submissions and ${acknowledged.approved.size} approvals acknowledged`,
        `kills: ${kills.length} (bot started ${starts} times)`,
        `connector calls: ${connector.calls.length}; faults injected: ${[...faults]
          .filter(([f]) => f !== 'none')
          .map(([f, n]) => `${f} ${n}`)
          .join(
            ', ',
          )} (${faultsInFlow} during the flow, the rest in the drain's first ${((faultyDrained - flowed) / 1000).toFixed(0)} s)`,
        `outbox: ${snapshot.outbox.length} messages, ${snapshot.outbox.filter((r) => r.status === 'sent').length} sent, ${dead.length} dead-lettered (ops told of each), ${snapshot.outbox.filter((r) => isOpsNotice(r.key)).length} ops notices`,
        `failed deliveries recorded: ${snapshot.outbox.reduce((n, r) => n + Math.max(0, r.attempts - (r.status === 'sent' ? 1 : 0)), 0)} retries`,
        `duplicates: ${duplicates} (posts Teams took before their row was marked sent; ${unexcused.length ? `${unexcusedCount} not at a timeout or a kill: ${unexcused.join(', ')}` : 'each at a timeout or a kill'})`,
        `turns answered with an apology (their answer refused by Teams): ${apologised}`,
        `time: ${((flowed - started) / 1000).toFixed(1)} s of flow, ${((faultyDrained - flowed) / 1000).toFixed(1)} s of faulty drain, ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
      ].join('\n'),
    );
  }, 1_800_000);
});

/** A stand-in call as the crash suite's delivery accounting reads one. */
function toReceived(c: FaultyCall) {
  return {
    n: c.n,
    method: c.method,
    url: '',
    conversationId: c.conversationId,
    activityId: null,
    body: c.body,
    receivedAt: c.receivedAt,
    outcome: 'answered' as const,
  };
}
