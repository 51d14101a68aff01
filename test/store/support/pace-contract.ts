import type { ConversationPace, PaceSlot, Store } from '../../../src/app/ports/store';
import type { RateWindow } from '../../../src/app/records/pace-record';

/** Two stores on one set of data, as two instances; `stored` reads a conversation's pace as the store keeps it. */
export interface PaceStores {
  store: Store;
  other: Store;
  stored(key: string): Promise<unknown>;
  cleanup(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const paceOf = (store: Store): ConversationPace => {
  if (!store.pace) throw new Error('the store keeps no shared pace');
  return store.pace;
};
const isSlot = (answer: PaceSlot | { waitMs: number }): answer is PaceSlot => 'slot' in answer;

// Short windows, so the contract runs in real time within a few seconds.
const WINDOW: RateWindow = { limit: 3, ms: 400 };
const HOLD_MS = 5_000;

/**
 * A conversation's pace as the delivery worker relies on it on a store several instances share: a slot
 * is granted only while every window has room, to one reserver at a time however many ask at once, and
 * a send counts from when it ended (or, until then, as under way).
 */
export function describePaceContract(name: string, open: () => Promise<PaceStores>): void {
  describe(`${name} shared pace of a conversation`, () => {
    let stores: PaceStores;
    let one: ConversationPace;
    let two: ConversationPace;

    beforeEach(async () => {
      stores = await open();
      one = paceOf(stores.store);
      two = paceOf(stores.other);
    });
    afterEach(async () => {
      await stores.cleanup();
    });

    /** Reserves a slot and releases it as sent at once, as a quick send would. */
    const send = async (pace: ConversationPace, key = 'person:ana') => {
      const slot = await pace.reserve(key, [WINDOW], HOLD_MS);
      if (!isSlot(slot)) return slot;
      await pace.release(key, slot, [WINDOW], { sent: true });
      return slot;
    };

    it('should grant a window its limit of sends, whichever instance made them, then say how long to wait', async () => {
      expect(isSlot(await send(one))).toBe(true);
      expect(isSlot(await send(two))).toBe(true);
      expect(isSlot(await send(one))).toBe(true);
      const refused = await two.reserve('person:ana', [WINDOW], HOLD_MS);
      expect(isSlot(refused)).toBe(false);
      expect((refused as { waitMs: number }).waitMs).toBeGreaterThan(0);
      expect((refused as { waitMs: number }).waitMs).toBeLessThanOrEqual(WINDOW.ms + 200);
      // Another conversation has windows of its own.
      expect(isSlot(await send(two, 'person:bo'))).toBe(true);
      await pause((refused as { waitMs: number }).waitMs);
      expect(isSlot(await send(two))).toBe(true);
    });

    it('should give the last slots of a window to as many reservers as it has room for when many ask at once', async () => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? one : two).reserve('person:ana', [WINDOW], HOLD_MS)),
      );
      expect(answers.filter(isSlot)).toHaveLength(WINDOW.limit);
      expect(new Set(answers.filter(isSlot).map((s) => s.slot)).size).toBe(WINDOW.limit);
    });

    it('should count a send under way until it is released, and forget one released as never sent', async () => {
      const slots = [];
      for (let i = 0; i < WINDOW.limit; i += 1) slots.push(await one.reserve('person:ana', [WINDOW], HOLD_MS));
      await pause(WINDOW.ms + 150);
      // Still under way after the window: nothing has ended, so nothing can go yet.
      expect(isSlot(await two.reserve('person:ana', [WINDOW], HOLD_MS))).toBe(false);
      const [first] = slots;
      if (!first || !isSlot(first)) throw new Error('the first slot was not granted');
      await one.release('person:ana', first, [WINDOW], { sent: false });
      expect(isSlot(await two.reserve('person:ana', [WINDOW], HOLD_MS))).toBe(true);
    });

    it("should close the conversation to every instance for a Retry-After given with a send's end", async () => {
      const slot = await one.reserve('person:ana', [WINDOW], HOLD_MS);
      if (!isSlot(slot)) throw new Error('not granted');
      await one.release('person:ana', slot, [WINDOW], { sent: true, holdMs: 1_500 });
      const refused = await two.reserve('person:ana', [WINDOW], HOLD_MS);
      expect(isSlot(refused)).toBe(false);
      expect((refused as { waitMs: number }).waitMs).toBeGreaterThan(1_000);
    });

    it('should let a slot whose holder died go at the end of its hold, and keep the record small', async () => {
      const window: RateWindow = { limit: 1, ms: 200 };
      const orphan = await one.reserve('person:ana', [window], 300);
      expect(isSlot(orphan)).toBe(true);
      const refused = await two.reserve('person:ana', [window], 300);
      expect((refused as { waitMs: number }).waitMs).toBeGreaterThan(300);
      await pause((refused as { waitMs: number }).waitMs + 20);
      expect(isSlot(await two.reserve('person:ana', [window], 0))).toBe(true);
      // Sends older than the longest window are dropped as the record is next written.
      const short: RateWindow = { limit: 2, ms: 150 };
      for (const round of [1, 2]) {
        for (let i = 0; i < short.limit; i += 1) {
          const slot = await one.reserve('person:bo', [short], HOLD_MS);
          if (!isSlot(slot)) throw new Error(`send ${i + 1} of round ${round} was not granted`);
          await one.release('person:bo', slot, [short], { sent: true });
        }
        await pause(short.ms + 150);
      }
      const kept = (await stores.stored('person:bo')) as { done: number[]; open: unknown[] };
      expect(kept.open).toEqual([]);
      expect(kept.done).toHaveLength(short.limit);
    });
  });
}
