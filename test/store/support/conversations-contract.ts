import type { Store, StoredConversation } from '../../../src/app/ports/store';

const chat = (aad: string, updatedAt: string, extra: Partial<StoredConversation> = {}): StoredConversation => ({
  key: `person:${aad}`,
  reference: { conversation: { id: `a:${aad}` }, serviceUrl: 'https://smba.example/' },
  userMri: `29:${aad}`,
  locale: 'zh-CN',
  updatedAt,
  ...extra,
});

/** Conversation references and card copies as delivery relies on them. */
export function describeConversationsContract(
  name: string,
  open: () => Promise<{ store: Store; cleanup(): Promise<void> }>,
): void {
  describe(`${name} conversations and card copies`, () => {
    let harness: { store: Store; cleanup(): Promise<void> };
    let store: Store;
    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('should keep the latest reference saved for a conversation, and none for one never saved', async () => {
      await store.conversations.save(chat('ana', '2026-12-01T01:00:00.000Z'));
      await store.conversations.save(chat('ana', '2026-12-02T01:00:00.000Z', { locale: 'en-US' }));
      expect(await store.conversations.get('person:ana')).toEqual(
        chat('ana', '2026-12-02T01:00:00.000Z', { locale: 'en-US' }),
      );
      expect(await store.conversations.get('person:nobody')).toBeNull();
    });

    it('should make an inactive conversation active again when a reference is saved without inactiveSince', async () => {
      await store.conversations.save(
        chat('ana', '2026-12-01T01:00:00.000Z', {
          inactiveSince: '2026-12-01T02:00:00.000Z',
          inactiveReason: 'BotNotInConversationRoster',
        }),
      );
      expect(await store.conversations.get('person:ana')).toMatchObject({ inactiveSince: '2026-12-01T02:00:00.000Z' });
      await store.conversations.save(chat('ana', '2026-12-03T01:00:00.000Z'));
      expect((await store.conversations.get('person:ana'))?.inactiveSince).toBeUndefined();
    });

    it("should list an application's card copies in the order they were posted, each once", async () => {
      const copy = (activityId: string, viewer: string | null) => ({
        applicationId: 'PP-2027-000001',
        conversationKey: viewer ? `person:${viewer}` : 'channel:ops',
        activityId,
        viewer,
      });
      await store.cardCopies.add(copy('act/1?x#y', 'ana'));
      await store.cardCopies.add(copy('act-2', null));
      await store.cardCopies.add(copy('act/1?x#y', 'ana'));
      await store.cardCopies.add({ ...copy('act-3', 'bo'), applicationId: 'PP-2027-000002' });
      expect(await store.cardCopies.list('PP-2027-000001')).toEqual([copy('act/1?x#y', 'ana'), copy('act-2', null)]);
      expect(await store.cardCopies.list('PP-2027-000404')).toEqual([]);
    });
  });
}
