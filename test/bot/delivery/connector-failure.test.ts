import { connectorFailure, retryAfterMs } from '../../../src/bot/connector-failure';

const NOW = Date.parse('2026-12-01T02:00:00.000Z');

/** What botbuilder's connector throws for an HTTP answer, shaped as seen against a stand-in (a RestError). */
function restError(statusCode: number, body: unknown, headers: Record<string, string> = {}) {
  const error = body as { error?: { code?: string; message?: string } };
  return Object.assign(new Error(error?.error?.message ?? (typeof body === 'string' ? body : '')), {
    name: 'RestError',
    statusCode,
    code: error?.error?.code,
    details: body,
    response: { headers: { get: (name: string) => headers[name.toLowerCase()] }, bodyAsText: JSON.stringify(body) },
  });
}

describe('reading Retry-After', () => {
  const from = (headers: Record<string, string>) => retryAfterMs((name) => headers[name], NOW);

  it.each([
    [{ 'retry-after': '3' }, 3_000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after': 'Tue, 01 Dec 2026 02:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Tue, 01 Dec 2026 01:59:00 GMT' }, 0],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'soon' }, null],
    [{}, null],
  ])('should read %p as %p ms', (headers, expected) => {
    expect(from(headers)).toBe(expected);
  });
});

describe('classifying what the connector threw', () => {
  it.each([
    [
      'a 429 with its Retry-After',
      restError(429, { error: { code: 'Throttled', message: 'slow down' } }, { 'retry-after': '2' }),
      'post',
      { code: 'retryable', why: 'throttled', status: 429, retryAfterMs: 2_000, detail: 'slow down' },
    ],
    [
      'a 412',
      restError(412, { error: { code: 'PreconditionFailed', message: 'try again' } }),
      'update',
      { code: 'retryable', why: 'precondition_failed', status: 412, retryAfterMs: null, detail: 'try again' },
    ],
    [
      'a 503',
      restError(503, {}),
      'post',
      { code: 'retryable', why: 'server_error', status: 503, retryAfterMs: null, detail: 'no message' },
    ],
    [
      'a 403 MessageWritesBlocked sub-code',
      restError(403, { error: { code: 'Forbidden', message: 'blocked', subCode: 'MessageWritesBlocked' } }),
      'post',
      { code: 'conversation_gone', reason: 'MessageWritesBlocked', status: 403, detail: 'blocked' },
    ],
    [
      'a 403 naming the roster only in words',
      restError(403, {
        error: {
          code: 'Forbidden',
          message: 'The bot is not part of the conversation roster. BotNotInConversationRoster',
        },
      }),
      'post',
      {
        code: 'conversation_gone',
        reason: 'BotNotInConversationRoster',
        status: 403,
        detail: 'The bot is not part of the conversation roster. BotNotInConversationRoster',
      },
    ],
    [
      'any other 403',
      restError(403, {
        error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' },
      }),
      'update',
      {
        code: 'conversation_gone',
        reason: 'ConversationBlockedByUser',
        status: 403,
        detail: 'User blocked the conversation with the bot.',
      },
    ],
    [
      'a 404 on a post',
      restError(404, { error: { code: 'NotFound', message: 'Conversation not found.' } }),
      'post',
      { code: 'conversation_gone', reason: 'NotFound', status: 404, detail: 'Conversation not found.' },
    ],
    [
      'a 404 on an update',
      restError(404, { error: { code: 'ActivityNotFoundInConversation', message: 'gone' } }),
      'update',
      { code: 'copy_gone', status: 404, detail: 'gone' },
    ],
    [
      'a 413',
      restError(413, { error: { code: 'MessageSizeTooBig', message: 'too big' } }),
      'post',
      { code: 'rejected', status: 413, detail: 'too big' },
    ],
    [
      'a 400',
      restError(400, { error: { code: 'BadSyntax', message: 'bad card' } }),
      'post',
      { code: 'rejected', status: 400, detail: 'bad card' },
    ],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { name: 'RestError', code: 'ECONNREFUSED' }),
      'post',
      { code: 'retryable', why: 'network', status: null, retryAfterMs: null, detail: 'connect ECONNREFUSED' },
    ],
    [
      'an aborted send',
      Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }),
      'post',
      { code: 'retryable', why: 'timeout', status: null, retryAfterMs: null, detail: 'The operation was aborted.' },
    ],
    [
      'a bug',
      new TypeError('x is undefined'),
      'post',
      { code: 'retryable', why: 'unexpected', status: null, retryAfterMs: null, detail: 'x is undefined' },
    ],
  ] as const)('should classify %s', (_what, thrown, operation, expected) => {
    expect(connectorFailure(thrown, operation, NOW, false)).toEqual(expected);
  });

  it('should take anything that ended at the deadline as a timeout', () => {
    expect(connectorFailure(restError(503, {}), 'post', NOW, true)).toMatchObject({
      code: 'retryable',
      why: 'timeout',
    });
  });
});
