import type { OutboxMessage, Store, StoredConversation } from '../../../src/app/ports/store';
import type { TransferredMessageState } from '../../../src/app/ports/store-transfer';
import { decisionsOf, type TwoStores } from './two-stores';

const T0 = new Date('2026-12-01T02:00:00.000Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
const lease = (seconds = 60) => at(seconds);

const text = (id: string, to: string, extra: Partial<OutboxMessage> = {}): OutboxMessage =>
  ({
    id,
    createdAt: T0.toISOString(),
    kind: 'text',
    applicationId: 'PP-1',
    to: { kind: 'person', id: to },
    key: 'notice.approved',
    params: { id: 'PP-1' },
    ...extra,
  }) as OutboxMessage;
const chat = (aad: string, updatedAt = T0.toISOString()): StoredConversation => ({
  key: `person:${aad}`,
  reference: { conversation: { id: `a:${aad}` } },
  userMri: null,
  locale: 'zh-CN',
  updatedAt,
});
const ids = (claimed: { message: OutboxMessage }[]) => claimed.map((c) => c.message.id);

/** A message's delivery state as the store exports it (the port's only view of when it was given up). */
async function deadLetter(store: Store, id: string): Promise<TransferredMessageState | undefined> {
  if (!store.transfer) throw new Error('the store has no export');
  for await (const item of store.transfer.exportAll()) if (item.kind === 'outbox' && item.key === id) return item.state;
  return undefined;
}

/**
 * The outbox as the delivery worker relies on it, with two stores on one set of data standing for two
 * instances: leases, order per conversation, holds, retries, dead letters and their effects.
 */
export function describeOutboxContract(name: string, open: () => Promise<TwoStores>): void {
  describe(`${name} outbox under leases`, () => {
    let stores: TwoStores;
    let store: Store;
    let other: Store;
    let write: (messages: OutboxMessage[]) => Promise<void>;

    beforeEach(async () => {
      stores = await open();
      ({ store, other } = stores);
      write = decisionsOf(store);
      for (const who of ['ana', 'bo']) await store.conversations.save(chat(who));
    });
    afterEach(async () => {
      await stores.cleanup();
    });

    it("should give each message to one claimant only, a conversation's messages to one of them, in the order they were decided", async () => {
      await write([text('m1', 'ana'), text('m2', 'bo'), text('m3', 'ana')]);
      const [mine, theirs] = await Promise.all([
        store.outbox.claim(T0, 10, 'one', lease()),
        other.outbox.claim(T0, 10, 'two', lease()),
      ]);
      expect([...ids(mine), ...ids(theirs)].sort()).toEqual(['m1', 'm2', 'm3']);
      for (const claimed of [mine, theirs]) {
        expect(ids(claimed)).toEqual(['m1', 'm2', 'm3'].filter((id) => ids(claimed).includes(id)));
        // Claimed, not yet tried: a try counts when its send begins.
        expect(claimed.every((c) => c.attempts === 0)).toBe(true);
      }
      const anasHolders = [mine, theirs].filter((claimed) => claimed.some((c) => c.conversationKey === 'person:ana'));
      expect(anasHolders).toHaveLength(1);
      expect(anasHolders[0]?.filter((c) => c.conversationKey === 'person:ana').map((c) => c.message.id)).toEqual([
        'm1',
        'm3',
      ]);
    });

    it('should let only the lease owner record an outcome, and give an expired lease to the next claimant', async () => {
      await write([text('m1', 'ana')]);
      await store.outbox.claim(T0, 10, 'one', lease(60));
      expect(await other.outbox.claim(at(30), 10, 'two', lease(90))).toEqual([]);
      expect(ids(await other.outbox.claim(at(61), 10, 'two', lease(120)))).toEqual(['m1']);
      expect(await store.outbox.renew('m1', 'one', at(62), lease(180), 1)).toBe(false);
      expect(await store.outbox.markSent('m1', 'one', at(62))).toBe(false);
      expect(await other.outbox.renew('m1', 'two', at(62), lease(180), 1)).toBe(true);
      expect(await other.outbox.markSent('m1', 'two', at(62))).toBe(true);
      expect(await store.outbox.get('m1')).toMatchObject({ status: 'sent', attempts: 1, sentAt: at(62).toISOString() });
    });

    it('should count a try when its send begins, so a claim lost with its process before the send is none', async () => {
      await write([text('m1', 'ana'), text('m2', 'bo')]);
      const first = await store.outbox.claim(T0, 10, 'one', lease(60));
      expect(first.map((c) => [c.message.id, c.attempts])).toEqual([
        ['m1', 0],
        ['m2', 0],
      ]);
      // The process began m1's send and died; m2 was still waiting for its turn.
      expect(await store.outbox.renew('m1', 'one', at(1), lease(90), 1)).toBe(true);
      const again = await other.outbox.claim(at(91), 10, 'two', lease(200));
      expect(again.map((c) => [c.message.id, c.attempts])).toEqual([
        ['m1', 1],
        ['m2', 0],
      ]);
      // A refresh renews before each copy it updates: one try all the same.
      expect(await other.outbox.renew('m1', 'two', at(92), lease(200), 2)).toBe(true);
      expect(await other.outbox.renew('m1', 'two', at(93), lease(200), 2)).toBe(true);
      expect(await other.outbox.defer('m2', 'two', { until: null, tries: 0 })).toBe(true);
      expect(await other.outbox.retry('m1', 'two', { error: 'HTTP 502', retryAt: at(95), tries: 2 })).toBe(true);
      expect(await other.outbox.get('m1')).toMatchObject({ status: 'pending', attempts: 2, lastError: 'HTTP 502' });
      expect(await other.outbox.get('m2')).toMatchObject({ status: 'pending', attempts: 0 });
      // A send of it began and went, then it was deferred (a refresh's other copy had no slot): no try used.
      await other.outbox.claim(at(200), 10, 'two', lease(300));
      expect(await other.outbox.renew('m2', 'two', at(201), lease(300), 1)).toBe(true);
      expect(await other.outbox.defer('m2', 'two', { until: null, tries: 0 })).toBe(true);
      expect(await other.outbox.get('m2')).toMatchObject({ status: 'pending', attempts: 0 });
    });

    it("should hold back a conversation's later messages while an earlier one waits for its retry, but not other conversations'", async () => {
      await write([text('m1', 'ana'), text('m2', 'ana'), text('m3', 'bo')]);
      await store.outbox.claim(T0, 10, 'one', lease());
      expect(await store.outbox.retry('m1', 'one', { error: 'HTTP 429 throttled', retryAt: at(5), tries: 1 })).toBe(
        true,
      );
      await store.outbox.defer('m2', 'one', { until: null, tries: 0 });
      await store.outbox.defer('m3', 'one', { until: null, tries: 0 });
      expect(ids(await store.outbox.claim(at(1), 10, 'one', lease()))).toEqual(['m3']);
      expect(ids(await store.outbox.claim(at(5), 10, 'one', lease()))).toEqual(['m1', 'm2']);
      expect(await store.outbox.get('m1')).toMatchObject({ attempts: 1, lastError: 'HTTP 429 throttled' });
      expect(await store.outbox.get('m2')).toMatchObject({ attempts: 0 });
    });

    it('should hold a message until its notBefore, whatever offset it was written with, without holding back the ones after it', async () => {
      await write([text('held', 'ana', { notBefore: '2026-12-01T18:00:00+08:00' }), text('now', 'ana')]);
      expect(ids(await store.outbox.claim(T0, 10, 'one', lease()))).toEqual(['now']);
      expect(await store.outbox.backlog(T0)).toEqual({ pending: 2, nextDue: lease() });
      await store.outbox.markSent('now', 'one', T0);
      expect(await store.outbox.backlog(T0)).toEqual({ pending: 1, nextDue: new Date('2026-12-01T10:00:00.000Z') });
      expect(ids(await store.outbox.claim(new Date('2026-12-01T10:00:00.000Z'), 10, 'two', lease(99_999)))).toEqual([
        'held',
      ]);
    });

    it("should leave a person's messages unclaimed until their chat exists, and an inactive chat's until it is saved afresh", async () => {
      await write([text('m1', 'cy'), text('m2', 'ana')]);
      expect(ids(await store.outbox.claim(T0, 1, 'one', lease()))).toEqual(['m2']);
      await store.outbox.markDead(
        'm2',
        'one',
        { error: 'HTTP 403 MessageWritesBlocked', at: T0, tries: 1 },
        {
          inactivate: [
            {
              key: 'person:ana',
              seenUpdatedAt: T0.toISOString(),
              reason: 'MessageWritesBlocked',
              since: at(1).toISOString(),
            },
          ],
        },
      );
      expect(await store.conversations.get('person:ana')).toMatchObject({
        inactiveSince: at(1).toISOString(),
        inactiveReason: 'MessageWritesBlocked',
      });
      await write([text('m3', 'ana')]);
      expect(await store.outbox.claim(at(2), 10, 'one', lease())).toEqual([]);
      expect(await store.outbox.backlog(at(2))).toEqual({ pending: 2, nextDue: null });

      await store.conversations.save(chat('cy', at(3).toISOString()));
      await store.conversations.save(chat('ana', at(3).toISOString()));
      expect(ids(await store.outbox.claim(at(3), 10, 'one', lease()))).toEqual(['m1', 'm3']);
    });

    it('should not mark a conversation inactive when a fresher reference was saved after the one the send used', async () => {
      await write([text('m1', 'ana')]);
      await store.outbox.claim(T0, 10, 'one', lease());
      await store.conversations.save(chat('ana', at(1).toISOString()));
      await store.outbox.markDead(
        'm1',
        'one',
        { error: 'HTTP 403', at: T0, tries: 1 },
        {
          inactivate: [
            { key: 'person:ana', seenUpdatedAt: T0.toISOString(), reason: 'Forbidden', since: at(2).toISOString() },
          ],
        },
      );
      expect((await store.conversations.get('person:ana'))?.inactiveSince).toBeUndefined();
    });

    it('should let a card or a notice to an unbound channel be claimed (the worker sends it to the people the channel stands for)', async () => {
      await write([
        text('t1', 'x', { to: { kind: 'channel', channel: 'ops' } }),
        {
          id: 'c1',
          createdAt: T0.toISOString(),
          kind: 'card',
          applicationId: 'PP-1',
          to: { kind: 'channel', channel: 'support' },
        },
      ]);
      expect(ids(await store.outbox.claim(T0, 10, 'one', lease()))).toEqual(['t1', 'c1']);
    });

    it('should keep the copy a post made with the message marked sent, and the effects of a dead letter with it, all or nothing', async () => {
      await write([
        {
          id: 'c1',
          createdAt: T0.toISOString(),
          kind: 'card',
          applicationId: 'PP-1',
          to: { kind: 'person', id: 'ana' },
        },
        text('m2', 'bo'),
      ]);
      await store.outbox.claim(T0, 10, 'one', lease());
      const copy = { applicationId: 'PP-1', conversationKey: 'person:ana', activityId: 'act-1', viewer: 'ana' };
      expect(await store.outbox.markSent('c1', 'one', at(1), { copies: [copy] })).toBe(true);
      expect(await store.cardCopies.list('PP-1')).toEqual([copy]);
      // Not the owner: neither the dead letter nor its notice is written.
      const notice = text('ops.delivery_failed:m2', 'x', { to: { kind: 'channel', channel: 'ops' } });
      expect(
        await store.outbox.markDead('m2', 'two', { error: 'gave up', at: T0, tries: 1 }, { outbox: [notice] }),
      ).toBe(false);
      expect(await store.outbox.get('ops.delivery_failed:m2')).toBeNull();
      expect(
        await store.outbox.markDead('m2', 'one', { error: 'gave up', at: at(7), tries: 8 }, { outbox: [notice] }),
      ).toBe(true);
      expect(await store.outbox.get('m2')).toMatchObject({ status: 'dead', lastError: 'gave up', attempts: 8 });
      // Dated by the caller's clock, not the database's or the process's: ops (and a migration) read that date.
      expect((await deadLetter(other, 'm2'))?.deadAt).toBe(at(7).toISOString());
      expect(await store.outbox.get('ops.delivery_failed:m2')).toMatchObject({ status: 'pending' });
      expect((await store.outbox.pending(10)).map((m) => m.id)).toEqual(['ops.delivery_failed:m2']);
    });

    it('should replace a claimed message by others in one commit', async () => {
      const card: OutboxMessage = {
        id: 'c1',
        createdAt: T0.toISOString(),
        kind: 'card',
        applicationId: 'PP-1',
        to: { kind: 'channel', channel: 'support' },
      };
      await write([card]);
      await store.outbox.claim(T0, 10, 'one', lease());
      expect(
        await store.outbox.replace('c1', 'one', at(1), [{ ...card, id: 'c1:ana', to: { kind: 'person', id: 'ana' } }]),
      ).toBe(true);
      expect(ids(await store.outbox.claim(at(1), 10, 'one', lease()))).toEqual(['c1:ana']);
      expect(await store.outbox.get('c1')).toMatchObject({ status: 'sent' });
    });

    it('should count what waits with when the oldest was decided, and the dead letters given up since a time, for readiness', async () => {
      expect(await other.outbox.waiting()).toEqual({ count: 0, oldestCreatedAt: null });
      expect(await other.outbox.deadSince(T0)).toBe(0);
      await write([
        text('m1', 'ana', { createdAt: at(1).toISOString() }),
        text('m2', 'bo', { createdAt: at(2).toISOString() }),
        text('m3', 'ana', { createdAt: at(3).toISOString() }),
      ]);
      expect(await other.outbox.waiting()).toEqual({ count: 3, oldestCreatedAt: at(1).toISOString() });

      await store.outbox.claim(at(10), 10, 'one', lease(100));
      expect(await store.outbox.markSent('m1', 'one', at(11))).toBe(true);
      expect(await store.outbox.markDead('m2', 'one', { error: 'gave up', at: at(20), tries: 1 })).toBe(true);

      // A claimed message still waits until it is sent; the sent and the dead ones do not.
      expect(await other.outbox.waiting()).toEqual({ count: 1, oldestCreatedAt: at(3).toISOString() });
      expect(await other.outbox.deadSince(at(20))).toBe(1);
      expect(await other.outbox.deadSince(at(21))).toBe(0);
    });

    it('should write a message decided twice once, and list pending messages oldest first', async () => {
      await write([text('m1', 'ana'), text('m2', 'bo')]);
      await write([text('m1', 'ana'), text('m3', 'bo')]);
      expect((await other.outbox.pending(10)).map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
      expect((await other.outbox.pending(2)).map((m) => m.id)).toEqual(['m1', 'm2']);
      expect(await other.outbox.get('nothing')).toBeNull();
    });
  });
}
