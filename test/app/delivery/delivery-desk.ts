import type { NoticeKey } from '../../../src/app/ports/notice-keys';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deliverOutbox,
  deliveryWorker,
  type DeliveryEvent,
  type Messenger,
} from '../../../src/app/delivery/deliver-outbox';
import type { DeliveryFailure, DeliveryPolicy } from '../../../src/app/delivery/delivery-policy';
import type { ApprovalDeps } from '../../../src/app/common/deps';
import { submit } from '../../../src/app/approval/submit';
import type { OutboxMessage, Store } from '../../../src/app/ports/store';
import { createWorkingCalendar } from '../../../src/calendar/chinese-working-calendar';
import { parseApplicationJson } from '../../../src/formats/application-json';
import { seedSamples } from '../../../src/samples/seed-samples';
import { sqliteOutboxWriter } from '../../../src/store/sqlite/outbox-repository';
import { openDatabase } from '../../../src/store/sqlite/sqlite-connection';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';

const SAMPLES = join(__dirname, '../../../config/samples');
export const aad = (suffix: string): string => `00000000-0000-0000-0000-00000000${suffix}`;
/** People of the sample directory, by the name ops would read. */
export const [zhangWei, wangFang, liuQiang, zhaoLei] = ['a001', 'b002', 'b003', 'c001'].map(aad) as [
  string,
  string,
  string,
  string,
];

/** Time that only moves when told to: the business clock, and the pacer's timer (sleeping moves it). */
export function fakeTime(startIso = '2026-12-01T10:00:00+08:00') {
  let now = new Date(startIso);
  let ms = 0;
  return {
    clock: { now: () => now },
    timer: {
      now: () => ms,
      sleep: async (wait: number) => {
        ms += wait;
      },
    },
    advance: (seconds: number) => {
      now = new Date(now.getTime() + seconds * 1000);
      ms += seconds * 1000;
    },
    now: () => now,
  };
}

/** One write into Teams as the scripted messenger saw it. */
export interface Written {
  op: 'post' | 'update' | 'text';
  to: string;
  /** The text's `params.id`, the card's application id or the updated activity id. */
  what: string;
  at: Date;
  ok: boolean;
}

/** A Messenger that answers from a script per conversation (a failure, or success once the script is used up). */
export function scriptedMessenger(clock: { now: () => Date }) {
  const written: Written[] = [];
  const scripts = new Map<string, DeliveryFailure[]>();
  let posts = 0;
  const answer = (op: Written['op'], to: string, what: string): DeliveryFailure | undefined => {
    const failure = scripts.get(to)?.shift();
    written.push({ op, to, what, at: clock.now(), ok: !failure });
    return failure;
  };
  const messenger: Messenger = {
    async postCard(to, { record }) {
      return answer('post', to.key, record.id) ?? `activity-${++posts}`;
    },
    async updateCard(to, activityId) {
      return answer('update', to.key, activityId);
    },
    async postText(to, _key, params) {
      return answer('text', to.key, String(params.id));
    },
    async postReport(to, report) {
      return answer('text', to.key, `report ${report.month}`);
    },
  };
  return {
    messenger,
    written,
    /** The next answers in a conversation. */
    script: (to: string, ...failures: DeliveryFailure[]) => scripts.set(to, [...(scripts.get(to) ?? []), ...failures]),
    /** What was delivered to a conversation, in order. */
    delivered: (to: string) => written.filter((w) => w.to === to && w.ok).map((w) => w.what),
  };
}

export const failures = {
  throttled: (retryAfterMs: number | null = null): DeliveryFailure => ({
    code: 'retryable',
    why: 'throttled',
    status: 429,
    retryAfterMs,
    detail: 'Too many requests',
  }),
  unavailable: (): DeliveryFailure => ({
    code: 'retryable',
    why: 'server_error',
    status: 503,
    retryAfterMs: null,
    detail: 'Service unavailable',
  }),
  blocked: (): DeliveryFailure => ({
    code: 'conversation_gone',
    reason: 'MessageWritesBlocked',
    status: 403,
    detail: 'Thread is blocked',
  }),
  rejected: (): DeliveryFailure => ({ code: 'rejected', status: 413, detail: 'Message too big' }),
  copyGone: (): DeliveryFailure => ({ code: 'copy_gone', status: 404, detail: 'Activity not found' }),
};

/** PlanDesk's store on a fresh file with the sample catalog, policy and directory, and a delivery worker on fake time. */
export async function openDeliveryDesk(policy: Partial<DeliveryPolicy> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-delivery-'));
  mkdirSync(join(dir, 'samples'));
  for (const f of ['catalog.csv', 'policy.yaml', 'directory.yaml'])
    copyFileSync(join(SAMPLES, f), join(dir, 'samples', f));
  const file = join(dir, 'plandesk.db');
  const store = openSqliteStore(file);
  const time = fakeTime();
  let ids = 0;
  const deps: ApprovalDeps = {
    store,
    clock: time.clock,
    calendar: createWorkingCalendar(),
    newId: () => `msg-${++ids}`,
  };
  await seedSamples(deps, join(dir, 'samples'));
  const db = openDatabase(file);
  const write = sqliteOutboxWriter(db);
  const teams = scriptedMessenger(time.clock);
  const events: DeliveryEvent[] = [];
  const workerFor = (owner: string, options: { random?: () => number } = {}) =>
    deliveryWorker({
      owner,
      policy,
      timer: time.timer,
      random: options.random ?? (() => 0.5),
      onEvent: (e) => events.push(e),
    });
  const worker = workerFor('worker-1');
  const opened: Store[] = [store];
  return {
    deps,
    store,
    time,
    teams,
    events,
    worker,
    workerFor,
    /** Another process on the same file. */
    openOther: () => {
      const other = openSqliteStore(file);
      opened.push(other);
      return other;
    },
    deliver: (limit?: number) => deliverOutbox({ ...deps, messenger: teams.messenger, worker }, limit),
    /** Adds messages as a decision would have, straight into the outbox. */
    enqueue: (...messages: OutboxMessage[]) => write(messages),
    openChat: (who: string, updatedAt = time.now().toISOString()) =>
      store.conversations.save({
        key: who.includes(':') ? who : `person:${who}`,
        reference: { conversation: { id: `a:${who}` } },
        userMri: null,
        locale: 'zh-CN',
        updatedAt,
      }),
    async fileSamplePlan() {
      const parsed = parseApplicationJson(
        readFileSync(join(SAMPLES, 'applications', '01-cloud-pbx-tier2.json'), 'utf8'),
      );
      if (!parsed.ok) throw new Error('sample does not parse');
      const result = await submit(deps, { input: parsed.value, actor: parsed.value.applicant, draftId: null });
      if (!result.ok) throw new Error(`not filed: ${result.error.code}`);
      return result.value;
    },
    close: async () => {
      db.close();
      for (const s of opened) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A notice in words to a person (`params.id` names it in the scripted messenger's record). */
export const textTo = (
  who: string,
  label: string,
  at = '2026-12-01T02:00:00.000Z',
  extra: Partial<OutboxMessage> = {},
): OutboxMessage =>
  ({
    id: label,
    createdAt: at,
    kind: 'text',
    applicationId: null,
    to: { kind: 'person', id: who },
    key: 'notice.approved',
    params: { id: label },
    ...extra,
  }) as OutboxMessage;

export const toOps = (label: string, key: NoticeKey = 'notice.approved'): OutboxMessage => ({
  id: label,
  createdAt: '2026-12-01T02:00:00.000Z',
  kind: 'text',
  applicationId: null,
  to: { kind: 'channel', channel: 'ops' },
  key,
  params: { id: label },
});
