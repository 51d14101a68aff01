import { sendCap } from '../../../src/app/delivery/send-cap';

/** A timer on virtual milliseconds: a sleep resolves once the test moves time past its end. */
function virtualTime() {
  let now = 0;
  const sleepers: { until: number; wake: () => void }[] = [];
  return {
    timer: {
      now: () => now,
      sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: now + ms, wake })),
    },
    async pass(ms: number) {
      now += ms;
      for (const s of sleepers.filter((s) => s.until <= now)) {
        sleepers.splice(sleepers.indexOf(s), 1);
        s.wake();
      }
      // Let what woke run.
      for (let i = 0; i < 10; i += 1) await Promise.resolve();
    },
  };
}

describe('the process-wide cap on sends', () => {
  it('should let `limit` sends start in a window and the next ones once the earliest ended a window ago', async () => {
    const time = virtualTime();
    const cap = sendCap(3, 1_000, time.timer);
    const started: number[] = [];
    const sends = Array.from({ length: 5 }, (_, i) =>
      cap.acquire().then((release) => {
        started.push(i);
        // Each send takes 100 ms.
        void time.timer.sleep(100).then(() => release(true));
      }),
    );
    await time.pass(0);
    expect(started).toEqual([0, 1, 2]);
    await time.pass(100);
    await time.pass(999);
    expect(started).toEqual([0, 1, 2]);
    await time.pass(1);
    await Promise.all(sends);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('should count sends under way, and give back at once a place whose send never went', async () => {
    const time = virtualTime();
    const cap = sendCap(1, 1_000, time.timer);
    const first = await cap.acquire();
    let second = false;
    const waiting = cap.acquire().then(() => {
      second = true;
    });
    await time.pass(5_000);
    expect(second).toBe(false);
    first(false);
    first(true); // a second word about the same place changes nothing
    await time.pass(0);
    await waiting;
    expect(second).toBe(true);
  });
});
