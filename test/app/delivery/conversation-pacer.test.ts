import { conversationPacer } from '../../../src/app/delivery/conversation-pacer';

/** A timer on virtual milliseconds: sleeping moves it, and each operation takes `busyMs`. */
function virtualTime() {
  let now = 0;
  return {
    timer: {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    },
    now: () => now,
    pass: (ms: number) => {
      now += ms;
    },
  };
}

describe('pacing one conversation', () => {
  it('should start no operation before fewer than `limit` have finished within each window', async () => {
    const time = virtualTime();
    const pacer = conversationPacer(
      [
        { limit: 7, ms: 1_000 },
        { limit: 8, ms: 2_000 },
      ],
      time.timer,
    );
    const starts: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      await pacer.run('chat', async () => {
        starts.push(time.now());
        time.pass(10);
      });
    }
    // Seven at once (each taking 10 ms); then each window counts from when an operation finished.
    expect(starts).toEqual([0, 10, 20, 30, 40, 50, 60, 1_010, 2_010, 2_020, 2_030, 2_040]);
    for (let i = 0; i + 7 < starts.length; i += 1)
      expect((starts[i + 7] ?? 0) - (starts[i] ?? 0)).toBeGreaterThanOrEqual(1_000);
    for (let i = 0; i + 8 < starts.length; i += 1)
      expect((starts[i + 8] ?? 0) - (starts[i] ?? 0)).toBeGreaterThanOrEqual(2_000);
  });

  it('should run one operation at a time per conversation, and conversations independently', async () => {
    const time = virtualTime();
    const pacer = conversationPacer([{ limit: 1, ms: 1_000 }], time.timer);
    const log: string[] = [];
    const op = (name: string) => async () => {
      log.push(`${name} start at ${time.now()}`);
      await Promise.resolve();
      log.push(`${name} end`);
    };
    await Promise.all([pacer.run('a', op('a1')), pacer.run('a', op('a2')), pacer.run('b', op('b1'))]);
    expect(log).toEqual(['a1 start at 0', 'b1 start at 0', 'a1 end', 'b1 end', 'a2 start at 1000', 'a2 end']);
    expect(pacer.delay('a')).toBe(1_000);
    expect(pacer.delay('c')).toBe(0);
  });

  it('should count the operations already waiting in a lane in how long a new one would wait', async () => {
    const time = virtualTime();
    const pacer = conversationPacer(
      [
        { limit: 2, ms: 1_000 },
        { limit: 3, ms: 10_000 },
      ],
      time.timer,
    );
    let release: () => void = () => undefined;
    const first = pacer.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    const queued = [pacer.run('a', async () => undefined), pacer.run('a', async () => undefined)];
    // One under way and two waiting behind it: the 2nd goes at once after it, the 3rd a second later
    // (two a second); a new one would be the 4th, which the ten-second window keeps to 10 s.
    expect(pacer.delay('a')).toBe(10_000);
    expect(pacer.delay('b')).toBe(0);
    await new Promise((resolve) => setImmediate(resolve)); // the first has begun
    release();
    await Promise.all([first, ...queued]);
    expect(time.now()).toBe(1_000);
    expect(pacer.delay('a')).toBe(9_000);
  });

  it('should hold a conversation for a Retry-After, and go on after an operation that failed', async () => {
    const time = virtualTime();
    const pacer = conversationPacer([{ limit: 100, ms: 1_000 }], time.timer);
    await expect(
      pacer.run('a', async () => {
        throw new Error('429');
      }),
    ).rejects.toThrow('429');
    pacer.hold('a', 5_000);
    expect(pacer.delay('a')).toBe(5_000);
    await pacer.run('a', async () => undefined);
    expect(time.now()).toBe(5_000);
  });
});
