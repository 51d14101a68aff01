import {
  EMPTY_PACE,
  paceWait,
  releaseIn,
  reserveIn,
  trimPace,
  type PaceRecord,
  type RateWindow,
} from '../../../src/app/records/pace-record';

const TEAMS: RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];
const ended = (...done: number[]): PaceRecord => ({ done, open: [], heldUntil: 0 });

/** Sends each as soon as the record allows, each taking `busyMs`; gives when each started. */
function sendAsSoonAsAllowed(count: number, windows: RateWindow[], busyMs = 0): number[] {
  let record = EMPTY_PACE;
  let now = 0;
  const starts: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const reserved = reserveIn(record, windows, now, `s${i}`, 15_000);
    if ('waitMs' in reserved) {
      now += reserved.waitMs;
      i -= 1;
      continue;
    }
    starts.push(now);
    now += busyMs;
    record = releaseIn(reserved.record, windows, now, `s${i}`, { sent: true });
  }
  return starts;
}

describe("a conversation's pace", () => {
  it("should let 7 sends go at once, the 8th a second after, and no more than Teams' windows allow", () => {
    const starts = sendAsSoonAsAllowed(16, TEAMS);
    expect(starts.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(starts[7]).toBe(1_000);
    for (const w of TEAMS)
      for (let i = 0; i + w.limit < starts.length; i += 1)
        expect((starts[i + w.limit] as number) - (starts[i] as number)).toBeGreaterThanOrEqual(w.ms);
  });

  it('should count a send from when it ended, so a slow send pushes the next window out', () => {
    const starts = sendAsSoonAsAllowed(8, [{ limit: 7, ms: 1_000 }], 100);
    // The first send ended at 100 ms: the eighth starts a second after that.
    expect(starts[7]).toBe(1_100);
  });

  it('should count a send under way as not ended, until its hold runs out', () => {
    const windows = [{ limit: 1, ms: 1_000 }];
    const reserved = reserveIn(EMPTY_PACE, windows, 0, 'a', 5_000);
    if ('waitMs' in reserved) throw new Error('not granted');
    expect(paceWait(reserved.record, windows, 2_000)).toBe(4_000);
    expect(reserveIn(reserved.record, windows, 6_000, 'b', 5_000)).toHaveProperty('record');
  });

  it('should forget a slot released as never sent, and keep one released as sent', () => {
    const windows = [{ limit: 1, ms: 1_000 }];
    const reserved = reserveIn(EMPTY_PACE, windows, 0, 'a', 5_000);
    if ('waitMs' in reserved) throw new Error('not granted');
    expect(paceWait(releaseIn(reserved.record, windows, 10, 'a', { sent: false }), windows, 10)).toBe(0);
    expect(paceWait(releaseIn(reserved.record, windows, 10, 'a', { sent: true }), windows, 10)).toBe(1_000);
  });

  it('should hold the conversation for a Retry-After, whatever the windows say', () => {
    const held = releaseIn(ended(), TEAMS, 0, 'gone', { sent: true, holdMs: 30_000 });
    expect(paceWait(held, TEAMS, 10_000)).toBe(20_000);
  });

  it('should keep only what a window can still count: ends within the longest window, at most the largest limit', () => {
    const windows = [
      { limit: 2, ms: 1_000 },
      { limit: 3, ms: 10_000 },
    ];
    expect(trimPace(ended(1, 2, 9_000, 9_500, 9_900, 9_950), windows, 11_000).done).toEqual([9_500, 9_900, 9_950]);
    expect(trimPace({ done: [], open: [{ slot: 'x', until: 50 }], heldUntil: 40 }, windows, 100)).toEqual({
      done: [50],
      open: [],
      heldUntil: 0,
    });
  });
});
