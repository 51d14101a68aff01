import { rememberPerson } from '../../../src/app/approval/conversations';
import { deliverOutbox } from '../../../src/app/delivery/deliver-outbox';
import type { OutboxMessage, TextMessage } from '../../../src/app/ports/store';
import { failures, liuQiang, openDeliveryDesk, textTo, toOps, wangFang, zhangWei } from './delivery-desk';

const person = (aad: string) => `person:${aad}`;
const OPS = 'channel:ops';

describe('delivering the outbox', () => {
  let desk: Awaited<ReturnType<typeof openDeliveryDesk>>;
  afterEach(async () => desk.close());

  const entry = (id: string) => desk.store.outbox.get(id);
  const opsNotices = async () =>
    (await desk.store.outbox.pending(100)).filter(
      (m): m is TextMessage => m.kind === 'text' && m.to.kind === 'channel' && m.to.channel === 'ops',
    );

  describe('retries', () => {
    beforeEach(async () => {
      desk = await openDeliveryDesk({ maxAttempts: 4, baseRetryDelayMs: 1_000 });
      await desk.openChat(liuQiang);
      await desk.openChat(wangFang);
    });

    it('should retry a throttled message no sooner than its Retry-After, then send it once', async () => {
      desk.enqueue(textTo(liuQiang, 't1'));
      desk.teams.script(person(liuQiang), failures.throttled(30_000));
      expect(await desk.deliver()).toEqual({ sent: 0, waiting: 1, nextDue: new Date('2026-12-01T02:00:30.000Z') });
      expect(await entry('t1')).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'HTTP 429 throttled: Too many requests',
        nextAttemptAt: '2026-12-01T02:00:30.000Z',
      });

      desk.time.advance(29);
      await desk.deliver();
      expect(desk.teams.written).toHaveLength(1);
      desk.time.advance(1);
      expect(await desk.deliver()).toMatchObject({ sent: 1, waiting: 0 });
      expect(desk.teams.delivered(person(liuQiang))).toEqual(['t1']);
      expect(await entry('t1')).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('should back off twice as long each time, and dead-letter the message after the last try, telling ops', async () => {
      desk.enqueue(textTo(liuQiang, 't1'));
      desk.teams.script(person(liuQiang), ...Array.from({ length: 4 }, failures.unavailable));
      const waits: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        await desk.deliver();
        const next = new Date((await entry('t1'))?.nextAttemptAt ?? 0);
        waits.push((next.getTime() - desk.time.now().getTime()) / 1000);
        desk.time.advance(waits.at(-1) ?? 0);
      }
      // Equal jitter at random 0.5: three quarters of 1 s, 2 s, 4 s.
      expect(waits).toEqual([0.75, 1.5, 3]);
      await desk.deliver();
      expect(await entry('t1')).toMatchObject({
        status: 'dead',
        attempts: 4,
        lastError: 'HTTP 503 server_error: Service unavailable',
      });
      expect(await opsNotices()).toEqual([
        expect.objectContaining({
          id: 'ops.delivery_failed:t1',
          key: 'ops.delivery_failed',
          params: {
            id: '',
            kind: 'text',
            recipient: '刘强',
            attempts: 4,
            error: 'HTTP 503 server_error: Service unavailable',
          },
        }),
      ]);
      expect(desk.events.filter((e) => e.kind === 'dead')).toEqual([
        expect.objectContaining({ id: 't1', attempts: 4, opsTold: true }),
      ]);

      await desk.openChat(OPS);
      await desk.deliver();
      expect(desk.teams.delivered(OPS)).toEqual(['']);
    });

    it('should not send a later message to a conversation while an earlier one waits for its retry, and keep the others going', async () => {
      desk.enqueue(textTo(liuQiang, 't1'), textTo(liuQiang, 't2'), textTo(wangFang, 'u1'), textTo(liuQiang, 't3'));
      desk.teams.script(person(liuQiang), failures.unavailable());
      await desk.deliver();
      expect(desk.teams.written.map((w) => [w.what, w.ok])).toEqual([
        ['t1', false],
        ['u1', true],
      ]);
      await desk.deliver();
      expect(desk.teams.written).toHaveLength(2);
      desk.time.advance(10);
      await desk.deliver();
      expect(desk.teams.delivered(person(liuQiang))).toEqual(['t1', 't2', 't3']);
    });

    it('should dead-letter a message Teams refuses as such, tell ops, and go on with the next one to that conversation', async () => {
      desk.enqueue(textTo(liuQiang, 't1'), textTo(liuQiang, 't2'));
      desk.teams.script(person(liuQiang), failures.rejected());
      expect(await desk.deliver()).toMatchObject({ sent: 1, waiting: 1 });
      expect(await entry('t1')).toMatchObject({
        status: 'dead',
        attempts: 1,
        lastError: 'HTTP 413 rejected: Message too big',
      });
      expect(desk.teams.delivered(person(liuQiang))).toEqual(['t2']);
      expect((await opsNotices()).map((n) => [n.key, n.params.recipient])).toEqual([['ops.delivery_rejected', '刘强']]);
    });

    it('should dead-letter a message whose tries keep ending without an outcome, as when the process dies mid-send', async () => {
      desk.enqueue(textTo(liuQiang, 't1'));
      const crashed = desk.openOther();
      for (let i = 1; i <= 4; i += 1) {
        const now = desk.time.now();
        const [claimed] = await crashed.outbox.claim(now, 10, `crashed-${i}`, new Date(now.getTime() + 1000));
        // Its send began (the lease renewed for it), and the process died before the answer.
        await crashed.outbox.renew(
          't1',
          `crashed-${i}`,
          now,
          new Date(now.getTime() + 1000),
          (claimed?.attempts ?? 0) + 1,
        );
        desk.time.advance(2);
      }
      await desk.deliver();
      expect(desk.teams.written).toEqual([]);
      expect(await entry('t1')).toMatchObject({
        status: 'dead',
        attempts: 4,
        lastError: expect.stringContaining('4 tries, the last of which ended with its process during the send'),
      });
      expect((await opsNotices()).map((n) => n.key)).toEqual(['ops.delivery_failed']);
    });

    it('should not use up the tries of a message whose claims ended with their process before its send began', async () => {
      desk.enqueue(textTo(liuQiang, 't1'));
      const crashed = desk.openOther();
      // Twenty processes claimed it while it waited behind its chat's earlier sends, and each was killed then.
      for (let i = 1; i <= 20; i += 1) {
        await crashed.outbox.claim(desk.time.now(), 10, `killed-${i}`, new Date(desk.time.now().getTime() + 1000));
        desk.time.advance(2);
      }
      desk.teams.script(person(liuQiang), failures.unavailable());
      await desk.deliver();
      expect(await entry('t1')).toMatchObject({ status: 'pending', attempts: 1 });
      desk.time.advance(10);
      await desk.deliver();
      expect(await entry('t1')).toMatchObject({ status: 'sent', attempts: 2 });
      expect(desk.teams.delivered(person(liuQiang))).toEqual(['t1']);
      expect(await opsNotices()).toEqual([]);
    });

    it('should count a try that throws before its send, so a message that can never go is dead-lettered and its chat goes on', async () => {
      desk.enqueue(textTo(liuQiang, 't1'), textTo(liuQiang, 't2'));
      const { conversations } = desk.deps.store;
      let broken = true;
      // Reading the chat fails while t1 is tried (as a card that cannot be rendered would fail, every time).
      const store = {
        ...desk.deps.store,
        conversations: {
          ...conversations,
          get: async (key: string) => {
            if (broken) throw new Error('the chat could not be read');
            return conversations.get(key);
          },
        },
      };
      const deliver = () =>
        deliverOutbox({ ...desk.deps, store, messenger: desk.teams.messenger, worker: desk.worker });
      for (let i = 0; i < 4; i += 1) {
        await deliver();
        desk.time.advance(60);
      }
      expect(desk.teams.written).toEqual([]);
      expect(await entry('t1')).toMatchObject({
        status: 'dead',
        attempts: 4,
        lastError: expect.stringContaining('the chat could not be read'),
      });
      expect((await opsNotices()).map((n) => n.key)).toEqual(['ops.delivery_failed']);
      broken = false;
      await deliver();
      // 刘强 is ops' head too: the notice about t1 reaches him in his chat, with t2.
      expect(desk.teams.delivered(person(liuQiang)).filter((what) => what !== '')).toEqual(['t2']);
    });
  });

  describe('conversations Teams has closed', () => {
    beforeEach(async () => {
      desk = await openDeliveryDesk();
      await desk.openChat(liuQiang, '2026-12-01T01:00:00.000Z');
    });

    it('should mark the conversation inactive, dead-letter the message, tell ops, and hold the rest until the person talks again', async () => {
      desk.enqueue(textTo(liuQiang, 't1'), textTo(liuQiang, 't2'));
      desk.teams.script(person(liuQiang), failures.blocked());
      await desk.deliver();
      expect(await entry('t1')).toMatchObject({
        status: 'dead',
        lastError: 'HTTP 403 MessageWritesBlocked: Thread is blocked',
      });
      expect(await desk.store.conversations.get(person(liuQiang))).toMatchObject({
        inactiveSince: '2026-12-01T02:00:00.000Z',
        inactiveReason: 'MessageWritesBlocked',
      });
      expect(await opsNotices()).toEqual([
        expect.objectContaining({
          id: `ops.conversation_inactive:t1:${person(liuQiang)}`,
          key: 'ops.conversation_inactive',
          params: { id: '', kind: 'text', recipient: '刘强', reason: 'MessageWritesBlocked' },
        }),
      ]);
      expect(desk.events).toEqual(
        expect.arrayContaining([{ kind: 'inactive', conversation: person(liuQiang), reason: 'MessageWritesBlocked' }]),
      );

      desk.time.advance(3600);
      await desk.deliver();
      expect(desk.teams.written.map((w) => w.what)).toEqual(['t1']);
      expect(await entry('t2')).toMatchObject({ status: 'pending', attempts: 0 });

      await rememberPerson(desk.deps, liuQiang, {
        reference: { conversation: { id: 'a:new' } },
        userMri: null,
        locale: 'zh-CN',
      });
      await desk.deliver();
      // With no ops channel bound, ops' notice goes to the ops head — here 刘强 himself, once he is back.
      expect(desk.teams.delivered(person(liuQiang))).toEqual(['t2', '']);
    });

    it('should keep a chat active when the person wrote while a send Teams then refused was on its way', async () => {
      // The person wrote a minute ago; their chat is as fresh as a card refresh would leave it.
      await desk.openChat(liuQiang, desk.time.now().toISOString());
      desk.enqueue(textTo(liuQiang, 't1'), textTo(liuQiang, 't2'));
      desk.teams.script(person(liuQiang), failures.blocked());
      const { messenger } = desk.teams;
      const writesMeanwhile = {
        ...messenger,
        async postText(...args: Parameters<typeof messenger.postText>) {
          // 刘强 writes to the bot while t1 is on its way (the same chat, seconds after it was last saved).
          desk.time.advance(5);
          await rememberPerson(desk.deps, liuQiang, {
            reference: { conversation: { id: `a:${liuQiang}` } },
            userMri: null,
            locale: 'zh-CN',
          });
          return messenger.postText(...args);
        },
      };
      await deliverOutbox({ ...desk.deps, messenger: writesMeanwhile, worker: desk.worker });
      expect(await entry('t1')).toMatchObject({ status: 'dead' });
      expect((await desk.store.conversations.get(person(liuQiang)))?.inactiveSince ?? null).toBeNull();
      desk.time.advance(60);
      await desk.deliver();
      // t2 goes without waiting for another turn; the second post is ops' word of t1 (刘强 is the ops head).
      expect(desk.teams.delivered(person(liuQiang))).toEqual(['t2', '']);
    });

    it('should not tell ops about a notice to ops that failed, so failures cannot breed notices', async () => {
      await desk.openChat(OPS);
      desk.enqueue(toOps('n1', 'ops.delivery_failed'));
      desk.teams.script(OPS, failures.rejected());
      await desk.deliver();
      expect(await entry('n1')).toMatchObject({ status: 'dead' });
      expect(await desk.store.outbox.pending(10)).toEqual([]);
      expect(desk.events).toEqual([expect.objectContaining({ kind: 'dead', id: 'n1', opsTold: false })]);
    });
  });

  describe('cards', () => {
    beforeEach(async () => {
      desk = await openDeliveryDesk();
    });

    it('should post a card once: its copy is kept in the commit that marks the message sent', async () => {
      await desk.openChat(liuQiang);
      const plan = await desk.fileSamplePlan();
      await desk.deliver();
      await desk.deliver();
      expect(desk.teams.written).toEqual([
        expect.objectContaining({ op: 'post', to: person(liuQiang), what: plan.id, ok: true }),
      ]);
      expect(await desk.store.cardCopies.list(plan.id)).toEqual([
        { applicationId: plan.id, conversationKey: person(liuQiang), activityId: 'activity-1', viewer: liuQiang },
      ]);
    });

    it('should record nothing when its lease was lost during the send, leaving the message to the one who holds it', async () => {
      await desk.openChat(liuQiang);
      const plan = await desk.fileSamplePlan();
      const intruder = desk.openOther();
      const { messenger } = desk.teams;
      const slow = {
        ...messenger,
        async postCard(...args: Parameters<typeof messenger.postCard>) {
          // The send outlives its lease (a frozen process): another process claims the message meanwhile.
          desk.time.advance(3600);
          await intruder.outbox.claim(desk.time.now(), 10, 'intruder', new Date(desk.time.now().getTime() + 60_000));
          return messenger.postCard(...args);
        },
      };
      await deliverOutbox({ ...desk.deps, messenger: slow, worker: desk.worker });
      expect(desk.events).toEqual([{ kind: 'lease_lost', id: (await desk.store.outbox.pending(1))[0]?.id }]);
      expect(await desk.store.cardCopies.list(plan.id)).toEqual([]);
    });

    it('should give a try back when its lease ran out before the send began and nobody took it meanwhile', async () => {
      await desk.openChat(liuQiang);
      const plan = await desk.fileSamplePlan();
      const { outbox } = desk.deps.store;
      const [queued] = await outbox.pending(1);
      // It waited behind its conversation's earlier sends past its lease: the renewal before its send comes late.
      const late = {
        ...desk.deps.store,
        outbox: {
          ...outbox,
          renew: (id: string, owner: string, now: Date, until: Date, tries: number) =>
            outbox.renew(id, owner, new Date(now.getTime() + 3_600_000), until, tries),
        },
      };
      for (let i = 0; i < 20; i += 1)
        await deliverOutbox({ ...desk.deps, store: late, messenger: desk.teams.messenger, worker: desk.worker });
      expect(await entry(queued?.id ?? '')).toMatchObject({ status: 'pending' });
      // Twenty claims without a send, and it is not a dead letter: it goes once its turn comes.
      await desk.deliver();
      expect(await entry(queued?.id ?? '')).toMatchObject({ status: 'sent' });
      expect(desk.teams.written).toEqual([expect.objectContaining({ op: 'post', what: plan.id, ok: true })]);
    });

    it("should send support's card to each handler with a chat as a message of its own", async () => {
      await desk.openChat(liuQiang);
      const support: OutboxMessage = {
        id: 's1',
        createdAt: '2026-12-01T02:00:00.000Z',
        kind: 'card',
        applicationId: (await desk.fileSamplePlan()).id,
        to: { kind: 'channel', channel: 'support' },
      };
      desk.enqueue(support);
      await desk.deliver();
      expect((await desk.store.outbox.pending(10)).map((m) => m.id)).toEqual([
        `s1:${'00000000-0000-0000-0000-00000000c001'}`,
      ]);
      expect(await entry('s1')).toMatchObject({ status: 'sent' });
    });

    it('should update every live copy on a refresh: a closed conversation is marked inactive and ops told, a deleted copy skipped, a throttled one tried again', async () => {
      for (const who of [liuQiang, zhangWei, wangFang]) await desk.openChat(who);
      const plan = await desk.fileSamplePlan();
      await desk.deliver();
      for (const [who, activityId] of [
        [zhangWei, 'z-1'],
        [wangFang, 'w-1'],
      ] as const) {
        await desk.store.cardCopies.add({
          applicationId: plan.id,
          conversationKey: person(who),
          activityId,
          viewer: who,
        });
      }
      desk.enqueue({ id: 'r1', createdAt: '2026-12-01T02:00:00.000Z', kind: 'refresh', applicationId: plan.id });
      desk.teams.script(person(liuQiang), failures.throttled(10_000));
      desk.teams.script(person(zhangWei), failures.blocked());
      desk.teams.script(person(wangFang), failures.copyGone());
      await desk.deliver();
      expect(await entry('r1')).toMatchObject({ status: 'pending', nextAttemptAt: '2026-12-01T02:00:10.000Z' });
      expect((await desk.store.conversations.get(person(zhangWei)))?.inactiveReason).toBe('MessageWritesBlocked');
      expect((await opsNotices()).map((n) => [n.key, n.params.recipient])).toEqual([
        ['ops.conversation_inactive', '张伟'],
      ]);

      desk.time.advance(10);
      await desk.deliver();
      expect(await entry('r1')).toMatchObject({ status: 'sent' });
      expect(desk.teams.written.filter((w) => w.op === 'update').map((w) => [w.what, w.ok])).toEqual([
        ['activity-1', false],
        ['z-1', false],
        ['w-1', false],
        ['activity-1', true],
        ['w-1', true],
      ]);
    });
  });

  describe('pacing and holds', () => {
    it('should defer a message whose conversation has no slot soon enough, without counting a try', async () => {
      desk = await openDeliveryDesk({ rateWindows: [{ limit: 2, ms: 10_000 }], maxPaceWaitMs: 1_000 });
      await desk.openChat(liuQiang);
      desk.enqueue(textTo(liuQiang, 't1'), textTo(liuQiang, 't2'), textTo(liuQiang, 't3'));
      expect(await desk.deliver()).toMatchObject({ sent: 2, waiting: 1 });
      expect(await entry('t3')).toMatchObject({
        status: 'pending',
        attempts: 0,
        nextAttemptAt: '2026-12-01T02:00:10.000Z',
      });
      desk.time.advance(10);
      await desk.deliver();
      expect(desk.teams.delivered(person(liuQiang))).toEqual(['t1', 't2', 't3']);
    });

    it("should use no try of a refresh that updated one copy while another waited for its chat's slot", async () => {
      desk = await openDeliveryDesk({ maxAttempts: 2, rateWindows: [{ limit: 1, ms: 10_000 }], maxPaceWaitMs: 1_000 });
      for (const who of [liuQiang, zhangWei]) await desk.openChat(who);
      const plan = await desk.fileSamplePlan();
      await desk.deliver();
      await desk.store.cardCopies.add({
        applicationId: plan.id,
        conversationKey: person(zhangWei),
        activityId: 'z-1',
        viewer: zhangWei,
      });
      // 刘强's chat had its one post of the window (the card); 张伟's copy goes, 刘强's waits for the next window.
      for (let round = 0; round < 3; round += 1) {
        desk.enqueue({
          id: `r${round}`,
          createdAt: '2026-12-01T02:00:00.000Z',
          kind: 'refresh',
          applicationId: plan.id,
        });
        await desk.deliver();
        expect(await entry(`r${round}`)).toMatchObject({ status: 'pending', attempts: 0 });
        desk.time.advance(10);
        await desk.deliver();
        expect(await entry(`r${round}`)).toMatchObject({ status: 'sent' });
        desk.teams.script(person(liuQiang));
      }
      expect(await opsNotices()).toEqual([]);
    });

    it('should hold a quiet-hours message until its notBefore', async () => {
      desk = await openDeliveryDesk();
      await desk.openChat(liuQiang);
      desk.enqueue(
        textTo(liuQiang, 'later', undefined, { notBefore: '2026-12-01T12:00:00+08:00' }),
        textTo(liuQiang, 'now'),
      );
      await desk.deliver();
      expect(desk.teams.delivered(person(liuQiang))).toEqual(['now']);
      expect(await desk.store.outbox.backlog(desk.time.now())).toEqual({
        pending: 1,
        nextDue: new Date('2026-12-01T04:00:00.000Z'),
      });
      desk.time.advance(2 * 3600);
      await desk.deliver();
      expect(desk.teams.delivered(person(liuQiang))).toEqual(['now', 'later']);
    });
  });

  it('should never let two processes send the same message, each conversation in order', async () => {
    desk = await openDeliveryDesk({ baseRetryDelayMs: 1 });
    const people = [liuQiang, wangFang, zhangWei, '00000000-0000-0000-0000-00000000c001'];
    for (const who of people) await desk.openChat(who);
    desk.enqueue(...Array.from({ length: 40 }, (_, i) => textTo(people[i % 4] as string, `m${i}`)));
    for (const who of people.slice(0, 2)) desk.teams.script(person(who), failures.unavailable(), failures.throttled(5));
    const other = { ...desk.deps, store: desk.openOther() };
    const { messenger } = desk.teams;
    // Real waits between sends, so the two processes' runs interleave.
    const jittery = {
      ...messenger,
      postText: async (...args: Parameters<typeof messenger.postText>) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
        return messenger.postText(...args);
      },
    };
    const drain = async (deps: typeof desk.deps, owner: string) => {
      const worker = desk.workerFor(owner, { random: Math.random });
      for (let run = 0; run < 50 && (await deps.store.outbox.backlog(deps.clock.now())).pending > 0; run += 1) {
        await deliverOutbox({ ...deps, messenger: jittery, worker }, 3);
        desk.time.advance(1);
      }
    };
    await Promise.all([drain(desk.deps, 'process-a'), drain(other, 'process-b')]);
    for (const [n, who] of people.entries()) {
      expect(desk.teams.delivered(person(who))).toEqual(Array.from({ length: 10 }, (_, i) => `m${n + 4 * i}`));
    }
  });
});
