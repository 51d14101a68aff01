import { checkReadiness, type ReadinessSources } from '../../src/health/readiness';

const NOW = new Date('2026-11-20T02:00:00.000Z'); // 10:00 in Shanghai, 20 November
const minutes = (n: number) => new Date(NOW.getTime() - n * 60_000);

/** Sources of an instance that is ready: a tick a minute ago, nothing waiting, both years' calendars. */
function sources(overrides: Partial<ReadinessSources> = {}, outbox: Partial<ReadinessSources['outbox']> = {}) {
  return {
    outbox: {
      waiting: async () => ({ count: 0, oldestCreatedAt: null }),
      deadSince: async () => 0,
      ...outbox,
    },
    now: () => NOW,
    lastTick: () => minutes(1),
    startedAt: minutes(60),
    tickIntervalMs: 60_000,
    coversYear: () => true,
    ...overrides,
  } satisfies ReadinessSources;
}

describe('readiness', () => {
  it('should be ready with every check ok and its figures when all is well', async () => {
    const ready = await checkReadiness(sources());

    expect(ready).toMatchObject({ status: 'ready', checkedAt: NOW.toISOString(), reasons: [] });
    expect(ready.checks).toMatchObject({
      store: { status: 'ok' },
      outbox: { status: 'ok', waiting: 0, oldestWaitingSince: null, oldestWaitingSeconds: 0 },
      deadLetters: { status: 'ok', last24h: 0 },
      tick: { status: 'ok', lastTickAt: minutes(1).toISOString(), ageSeconds: 60, limitSeconds: 180 },
      calendar: { status: 'ok', years: { 2026: true, 2027: true } },
    });
  });

  it.each([
    ['a store that does not answer in time', { waiting: () => new Promise<never>(() => undefined) }, 'store_timeout'],
    ['a store that fails', { deadSince: () => Promise.reject(new Error('database is locked')) }, 'store_unreachable'],
  ])('should not be ready with %s', async (_, outbox, code) => {
    const ready = await checkReadiness(sources({}, outbox), {
      storeTimeoutMs: 50,
      tickIntervals: 3,
      oldestWaitingWarnMs: 3_600_000,
      backlogWarn: 1_000,
    });

    expect(ready.status).toBe('not_ready');
    expect(ready.reasons).toEqual([{ check: 'store', status: 'fail', code, message: expect.any(String) }]);
  });

  it('should not be ready when the last tick is older than three intervals, and be ready at three', async () => {
    expect((await checkReadiness(sources({ lastTick: () => minutes(3) }))).status).toBe('ready');

    const late = await checkReadiness(sources({ lastTick: () => new Date(minutes(3).getTime() - 1000) }));
    expect(late.status).toBe('not_ready');
    expect(late.reasons).toEqual([expect.objectContaining({ check: 'tick', status: 'fail', code: 'tick_late' })]);
    expect(late.checks.tick).toMatchObject({ ageSeconds: 181, limitSeconds: 180 });
  });

  it('should count from the start before the first tick: ready for three intervals, then not', async () => {
    const fresh = await checkReadiness(sources({ lastTick: () => null, startedAt: minutes(2) }));
    expect(fresh.status).toBe('ready');
    expect(fresh.checks.tick).toMatchObject({ status: 'ok', lastTickAt: null });

    const never = await checkReadiness(sources({ lastTick: () => null, startedAt: minutes(4) }));
    expect(never.status).toBe('not_ready');
    expect(never.reasons[0]?.message).toMatch(/no tick has finished/);
  });

  it("should not be ready without this year's calendar", async () => {
    const ready = await checkReadiness(sources({ coversYear: (year) => year !== 2026 }));

    expect(ready.status).toBe('not_ready');
    expect(ready.reasons).toEqual([
      expect.objectContaining({ check: 'calendar', status: 'fail', code: 'calendar_year_missing' }),
    ]);
  });

  it("should warn of next year's calendar missing, in December too (every instance lacks it alike), and say it is due", async () => {
    const november = await checkReadiness(sources({ coversYear: (year) => year !== 2027 }));
    expect(november.status).toBe('ready');
    expect(november.reasons).toEqual([
      expect.objectContaining({ check: 'calendar', status: 'warn', code: 'calendar_next_year_missing' }),
    ]);

    // 1 December 00:30 in Shanghai is still 30 November in UTC: the date is Shanghai's.
    const december = await checkReadiness(
      sources({
        now: () => new Date('2026-11-30T16:30:00.000Z'),
        lastTick: () => new Date('2026-11-30T16:29:00.000Z'),
        coversYear: (year) => year !== 2027,
      }),
    );
    expect(december.status).toBe('ready');
    expect(december.reasons).toEqual([
      expect.objectContaining({
        check: 'calendar',
        status: 'warn',
        code: 'calendar_next_year_missing',
        message: expect.stringContaining('now: deadlines reach into it'),
      }),
    ]);
  });

  it('should stay ready but warn, with the figures, of a large backlog, an old waiting message and dead letters', async () => {
    const busy = await checkReadiness(
      sources({}, { waiting: async () => ({ count: 1_001, oldestCreatedAt: minutes(5).toISOString() }) }),
    );
    expect(busy.status).toBe('ready');
    expect(busy.reasons).toEqual([
      expect.objectContaining({ check: 'outbox', status: 'warn', code: 'outbox_backlog' }),
    ]);
    expect(busy.checks.outbox).toMatchObject({ waiting: 1_001, oldestWaitingSeconds: 300 });

    const stale = await checkReadiness(
      sources({}, { waiting: async () => ({ count: 2, oldestCreatedAt: minutes(61).toISOString() }) }),
    );
    expect(stale.reasons).toEqual([
      expect.objectContaining({ check: 'outbox', status: 'warn', code: 'outbox_old_message' }),
    ]);

    const since: Date[] = [];
    const dead = await checkReadiness(sources({}, { deadSince: async (from) => (since.push(from), 3) }));
    expect(dead.status).toBe('ready');
    expect(dead.reasons).toEqual([
      expect.objectContaining({ check: 'deadLetters', status: 'warn', code: 'dead_letters' }),
    ]);
    expect(dead.checks.deadLetters).toMatchObject({ last24h: 3 });
    expect(since).toEqual([new Date(NOW.getTime() - 24 * 60 * 60_000)]);
  });

  it('should list failures before warnings', async () => {
    const ready = await checkReadiness(
      sources({ coversYear: (year) => year !== 2027, lastTick: () => minutes(10) }, { deadSince: async () => 1 }),
    );

    expect(ready.reasons.map((r) => [r.check, r.status])).toEqual([
      ['tick', 'fail'],
      ['deadLetters', 'warn'],
      ['calendar', 'warn'],
    ]);
  });
});
