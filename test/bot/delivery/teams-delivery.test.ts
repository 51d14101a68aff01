import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Attachment } from 'botbuilder';
import { deliverOutbox, deliveryWorker, type DeliveryEvent } from '../../../src/app/delivery/deliver-outbox';
import type { ApprovalDeps } from '../../../src/app/common/deps';
import type { OutboxMessage, Store } from '../../../src/app/ports/store';
import { createAdapter } from '../../../src/bot/adapter';
import { createJsonLog } from '../../../src/log';
import { teamsMessenger } from '../../../src/bot/teams-messenger';
import { createWorkingCalendar } from '../../../src/calendar/chinese-working-calendar';
import { seedSamples } from '../../../src/samples/seed-samples';
import { sqliteOutboxWriter } from '../../../src/store/sqlite/outbox-repository';
import { openDatabase, type SqliteDatabase } from '../../../src/store/sqlite/sqlite-connection';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';
import { startScriptedConnector, type ConnectorRequest } from './scripted-connector';

const aad = (suffix: string): string => `00000000-0000-0000-0000-00000000${suffix}`;
/** Who gets what, by the conversation id of their chat at the stand-in. */
const CHATS = {
  throttled: { aad: aad('b003'), name: '刘强' },
  unavailable: { aad: aad('b002'), name: '王芳' },
  slow: { aad: aad('a001'), name: '张伟' },
  blocked: { aad: aad('b004'), name: '陈静' },
  down: { aad: aad('a002'), name: '黄丽' },
  busy: { aad: aad('b001'), name: '李娜' },
  card: { aad: aad('c001'), name: '赵磊' },
} as const;
type Chat = keyof typeof CHATS;
const OPS_CHANNEL = '19:ops@thread.tacv2';

const notice = (id: string, who: Chat): OutboxMessage => ({
  id,
  createdAt: new Date().toISOString(),
  kind: 'text',
  applicationId: null,
  to: { kind: 'person', id: CHATS[who].aad },
  key: 'notice.approved',
  params: { id },
});
/** The message a request carried: the notice's id, or "card" for an Adaptive Card. */
const labelOf = (r: ConnectorRequest): string =>
  (r.body.attachments?.[0] as Attachment | undefined)?.contentType === 'application/vnd.microsoft.card.adaptive'
    ? 'card'
    : (/申请 (\S+) 已审批通过/.exec(r.body.text ?? '')?.[1] ?? String(r.body.text));

describe('delivering the outbox into Teams through the real CloudAdapter, against a connector that misbehaves', () => {
  let dir: string;
  let store: Store;
  let db: SqliteDatabase;
  let connector: Awaited<ReturnType<typeof startScriptedConnector>>;
  const events: DeliveryEvent[] = [];
  let elapsedMs = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-teams-delivery-'));
    const file = join(dir, 'plandesk.db');
    store = openSqliteStore(file);
    const deps: ApprovalDeps = {
      store,
      clock: { now: () => new Date() },
      calendar: createWorkingCalendar(),
      newId: () => `id-${Math.random()}`,
    };
    await seedSamples(deps, join(__dirname, '../../../config/samples'));
    db = openDatabase(file);
    // What the sample filings decided is not part of this test.
    db.exec('DELETE FROM outbox');
    connector = await startScriptedConnector();

    const reference = (conversation: string, type: string) => ({
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: conversation, conversationType: type, tenantId: 'tenant-1' },
      bot: { id: '28:plandesk', name: 'PlanDesk' },
      user: { id: `29:${conversation}` },
    });
    const updatedAt = new Date().toISOString();
    for (const [chat, who] of Object.entries(CHATS)) {
      await store.conversations.save({
        key: `person:${who.aad}`,
        reference: reference(chat, 'personal'),
        userMri: `29:${who.aad}`,
        locale: 'zh-CN',
        updatedAt,
      });
    }
    await store.conversations.save({
      key: 'channel:ops',
      reference: reference(OPS_CHANNEL, 'channel'),
      userMri: null,
      locale: 'zh-CN',
      updatedAt,
    });

    connector.script('throttled', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: { code: 'Throttled', message: 'Too many requests' } },
    });
    connector.script('unavailable', { status: 503 }, { status: 503 });
    connector.script('slow', { silentMs: 1_000 });
    connector.script('blocked', {
      status: 403,
      body: {
        error: { code: 'Forbidden', message: 'Thread is blocked from message writes', subCode: 'MessageWritesBlocked' },
      },
    });
    connector.script('down', ...Array.from({ length: 5 }, () => ({ status: 502, body: 'bad gateway' })));
    connector.script('card', { status: 504 });
    sqliteOutboxWriter(db)([
      notice('a1', 'throttled'),
      notice('a2', 'throttled'),
      notice('a3', 'throttled'),
      notice('b1', 'unavailable'),
      notice('b2', 'unavailable'),
      notice('c1', 'slow'),
      notice('c2', 'slow'),
      notice('d1', 'blocked'),
      notice('d2', 'blocked'),
      notice('e1', 'down'),
      ...Array.from({ length: 10 }, (_, i) => notice(`f${i}`, 'busy')),
      {
        id: 'g1',
        createdAt: new Date().toISOString(),
        kind: 'card',
        applicationId: 'PP-2026-000001',
        to: { kind: 'person', id: CHATS.card.aad },
      },
    ]);

    const log = createJsonLog('silent');
    const adapter = createAdapter({ bot: { appType: 'MultiTenant' } }, log);
    const messenger = teamsMessenger(adapter, '', { sendTimeoutMs: 300 });
    const worker = deliveryWorker({
      owner: 'test-process',
      policy: { maxAttempts: 3, baseRetryDelayMs: 100, maxRetryDelayMs: 400, sendTimeoutMs: 300, leaseMs: 5_000 },
      onEvent: (e) => events.push(e),
    });
    // The pump's part: run, then sleep until the next message is due, until none is.
    const started = performance.now();
    while (performance.now() - started < 9_000) {
      await deliverOutbox({ ...deps, messenger, worker });
      const { nextDue } = await store.outbox.backlog(new Date());
      if (!nextDue) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(10, nextDue.getTime() - Date.now())));
    }
    elapsedMs = performance.now() - started;
  }, 15_000);

  afterAll(async () => {
    await connector.close();
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const delivered = (chat: string) =>
    connector
      .to(chat)
      .filter((r) => r.delivered)
      .map(labelOf);
  const tries = (chat: string) => connector.to(chat).map((r) => [labelOf(r), r.status]);

  it('should deliver every message exactly once, each conversation in order, and finish quickly', () => {
    expect(delivered('throttled')).toEqual(['a1', 'a2', 'a3']);
    expect(delivered('unavailable')).toEqual(['b1', 'b2']);
    expect(delivered('slow')).toEqual(['c1', 'c2']);
    expect(delivered('busy')).toEqual(Array.from({ length: 10 }, (_, i) => `f${i}`));
    expect(delivered('card')).toEqual(['card']);
    expect(elapsedMs).toBeLessThan(8_000);
  });

  it('should send nothing later to a conversation while an earlier message waits for its retry', () => {
    expect(tries('throttled')).toEqual([
      ['a1', 429],
      ['a1', 201],
      ['a2', 201],
      ['a3', 201],
    ]);
    expect(tries('unavailable')).toEqual([
      ['b1', 503],
      ['b1', 503],
      ['b1', 201],
      ['b2', 201],
    ]);
  });

  it('should wait out Retry-After before trying a throttled message again', () => {
    const [throttled, retried] = connector.to('throttled');
    expect((retried?.arrivedAt ?? 0) - (throttled?.answeredAt ?? 0)).toBeGreaterThanOrEqual(1_000);
    // Teams' answer reaches the policy as it was given (the connector client's own retries are off).
    expect(events).toEqual(
      expect.arrayContaining([
        {
          kind: 'retry',
          id: 'a1',
          attempt: 1,
          retryAt: expect.any(Date),
          failure: {
            code: 'retryable',
            why: 'throttled',
            status: 429,
            retryAfterMs: 1_000,
            detail: 'Too many requests',
          },
        },
      ]),
    );
  });

  it('should give up on a send that does not answer in time, and send it again', () => {
    const [first, second] = connector.to('slow');
    expect([first?.status, second?.status]).toEqual(['abandoned', 201]);
    expect((second?.arrivedAt ?? 0) - (first?.arrivedAt ?? 0)).toBeGreaterThanOrEqual(300);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'retry', failure: expect.objectContaining({ why: 'timeout' }) }),
      ]),
    );
  });

  it("should keep every conversation within Teams' limits: 7 in any second, 8 in any two, counted at the connector", () => {
    for (const chat of [...Object.keys(CHATS), OPS_CHANNEL]) {
      const arrivals = connector.to(chat).map((r) => r.arrivedAt);
      for (let i = 0; i + 7 < arrivals.length; i += 1)
        expect((arrivals[i + 7] ?? 0) - (arrivals[i] ?? 0)).toBeGreaterThanOrEqual(1_000);
      for (let i = 0; i + 8 < arrivals.length; i += 1)
        expect((arrivals[i + 8] ?? 0) - (arrivals[i] ?? 0)).toBeGreaterThanOrEqual(2_000);
    }
    const busy = connector.to('busy').map((r) => r.arrivedAt);
    expect((busy.at(-1) ?? 0) - (busy[0] ?? 0)).toBeGreaterThanOrEqual(2_000);
  });

  it('should mark a conversation Teams blocks inactive, dead-letter its message, hold the next one, and tell ops', async () => {
    expect(tries('blocked')).toEqual([['d1', 403]]);
    expect(await store.conversations.get(`person:${CHATS.blocked.aad}`)).toMatchObject({
      inactiveReason: 'MessageWritesBlocked',
      inactiveSince: expect.any(String),
    });
    expect(await store.outbox.get('d1')).toMatchObject({
      status: 'dead',
      lastError: 'HTTP 403 MessageWritesBlocked: Thread is blocked from message writes',
    });
    expect(await store.outbox.get('d2')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(delivered(OPS_CHANNEL)).toEqual(
      expect.arrayContaining([
        'PlanDesk 已无法向 陈静 发送消息(Teams:MessageWritesBlocked),该会话已停用,消息未送达。对方再次与 PlanDesk 对话后会话自动恢复。',
      ]),
    );
  });

  it('should dead-letter a message after its last try and tell ops, never dropping it silently', async () => {
    expect(tries('down')).toEqual([
      ['e1', 502],
      ['e1', 502],
      ['e1', 502],
    ]);
    expect(await store.outbox.get('e1')).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'HTTP 502 server_error: bad gateway',
    });
    expect(delivered(OPS_CHANNEL)).toEqual(
      expect.arrayContaining([
        '发给 黄丽 的消息尝试 3 次仍未送达,已转入死信。最后一次错误:HTTP 502 server_error: bad gateway',
      ]),
    );
    expect(connector.to(OPS_CHANNEL)).toHaveLength(2);
  });

  it("should record the posted card's copy under the activity id Teams gave it", async () => {
    const posted = connector.to('card').find((r) => r.delivered);
    const cards = await store.cardCopies.list('PP-2026-000001');
    expect(cards).toEqual([
      {
        applicationId: 'PP-2026-000001',
        conversationKey: `person:${CHATS.card.aad}`,
        activityId: expect.stringMatching(/^act-\d+$/),
        viewer: CHATS.card.aad,
      },
    ]);
    expect(posted).toBeDefined();
    expect(await store.outbox.get('g1')).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
