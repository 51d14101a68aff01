import { DELIVERY_POLICY, describeFailure, retryDelayMs } from '../../../src/app/delivery/delivery-policy';

describe('the retry delay', () => {
  const policy = { ...DELIVERY_POLICY, baseRetryDelayMs: 1_000, maxRetryDelayMs: 8_000, maxRetryAfterMs: 60_000 };

  it.each([
    // attempt, random, Retry-After, expected ms
    [1, 0, null, 500],
    [1, 0.999_999, null, 1_000],
    [2, 0, null, 1_000],
    [3, 0.5, null, 3_000],
    [4, 1, null, 8_000],
    [9, 1, null, 8_000], // capped
    [9, 0, null, 4_000], // never below half the cap
    [1, 0, 30_000, 30_000], // Retry-After wins when longer
    [4, 1, 2_000, 8_000], // the backoff wins when longer
    [1, 0, 7_200_000, 60_000], // an absurd Retry-After is cut
  ])('should wait, after try %p with random %p and Retry-After %p, %p ms', (attempt, random, retryAfter, expected) => {
    expect(retryDelayMs(policy, attempt, retryAfter, () => random)).toBe(expected);
  });

  it("should keep Teams' per-conversation limits, two instances under its 50 a second per app, and eight tries by default", () => {
    expect(DELIVERY_POLICY).toMatchObject({
      maxAttempts: 8,
      maxSendsPerSecond: 20,
      sendTimeoutMs: 15_000,
      rateWindows: [
        { limit: 7, ms: 1_000 },
        { limit: 8, ms: 2_000 },
        { limit: 60, ms: 30_000 },
        { limit: 1_800, ms: 3_600_000 },
      ],
    });
  });

  it('should describe a failure in one line for ops', () => {
    expect(
      describeFailure({ code: 'retryable', why: 'throttled', status: 429, retryAfterMs: 1000, detail: 'slow down' }),
    ).toBe('HTTP 429 throttled: slow down');
    expect(
      describeFailure({ code: 'retryable', why: 'timeout', status: null, retryAfterMs: null, detail: 'aborted' }),
    ).toBe('timeout: aborted');
    expect(
      describeFailure({ code: 'conversation_gone', reason: 'BotNotInConversationRoster', status: 403, detail: 'x' }),
    ).toBe('HTTP 403 BotNotInConversationRoster: x');
  });
});
