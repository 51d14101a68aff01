import { deliverOutbox } from '../../../src/app/delivery/deliver-outbox';
import type { ConversationPace, PaceSlot } from '../../../src/app/ports/store';
import { failures, liuQiang, openDeliveryDesk, textTo } from './delivery-desk';

const person = (aad: string) => `person:${aad}`;

/** A shared pace that answers from a script (a wait, or a slot once the script is used up) and records what it was told. */
function scriptedPace(...answers: { waitMs: number }[]) {
  const reserved: string[] = [];
  const released: { key: string; slot: PaceSlot; outcome: { sent: boolean; holdMs?: number } }[] = [];
  let releaseFails = false;
  const pace: ConversationPace = {
    async reserve(key) {
      reserved.push(key);
      return answers.shift() ?? { slot: `slot-${reserved.length}` };
    },
    async release(key, slot, _windows, outcome) {
      if (releaseFails) throw new Error('Cosmos DB: service unavailable');
      released.push({ key, slot, outcome });
    },
  };
  return { pace, reserved, released, failReleases: () => (releaseFails = true) };
}

describe('delivering where other instances share the conversations', () => {
  let desk: Awaited<ReturnType<typeof openDeliveryDesk>>;
  afterEach(async () => desk.close());

  const deliverWith = (pace: ConversationPace) =>
    deliverOutbox({
      ...desk.deps,
      store: { ...desk.store, pace },
      messenger: desk.teams.messenger,
      worker: desk.worker,
    });

  beforeEach(async () => {
    desk = await openDeliveryDesk();
    await desk.openChat(liuQiang);
  });

  it('should wait for a slot another instance holds when it comes soon, then send and release it as sent', async () => {
    const shared = scriptedPace({ waitMs: 800 });
    desk.enqueue(textTo(liuQiang, 't1'));
    const before = desk.time.timer.now();
    expect(await deliverWith(shared.pace)).toMatchObject({ sent: 1, waiting: 0 });
    expect(desk.time.timer.now() - before).toBeGreaterThanOrEqual(800);
    expect(shared.reserved).toEqual([person(liuQiang), person(liuQiang)]);
    expect(shared.released).toEqual([
      { key: person(liuQiang), slot: { slot: 'slot-2' }, outcome: { sent: true, holdMs: 0 } },
    ]);
    expect(desk.teams.delivered(person(liuQiang))).toEqual(['t1']);
  });

  it('should defer the message without counting a try when the next slot is further off than the policy waits', async () => {
    const shared = scriptedPace({ waitMs: 5_000 });
    desk.enqueue(textTo(liuQiang, 't1'));
    expect(await deliverWith(shared.pace)).toMatchObject({ sent: 0, waiting: 1 });
    expect(await desk.store.outbox.get('t1')).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: '2026-12-01T02:00:05.000Z',
    });
    expect(desk.teams.written).toEqual([]);
    expect(shared.released).toEqual([]);
  });

  it("should hand Teams' Retry-After to the shared pace, so that no instance writes there before it ends", async () => {
    const shared = scriptedPace();
    desk.teams.script(person(liuQiang), failures.throttled(3_000));
    desk.enqueue(textTo(liuQiang, 't1'));
    await deliverWith(shared.pace);
    expect(shared.released.map((r) => r.outcome)).toEqual([{ sent: true, holdMs: 3_000 }]);
  });

  it("should record a message as sent even when the send's end could not be written to the shared pace, and say so", async () => {
    const shared = scriptedPace();
    shared.failReleases();
    desk.enqueue(textTo(liuQiang, 't1'));
    expect(await deliverWith(shared.pace)).toMatchObject({ sent: 1, waiting: 0 });
    expect(await desk.store.outbox.get('t1')).toMatchObject({ status: 'sent' });
    expect(desk.events).toEqual([
      { kind: 'pace_unrecorded', conversation: person(liuQiang), detail: 'Cosmos DB: service unavailable' },
    ]);
  });
});
