import type { DeliveryFailure } from '../app/delivery/delivery-policy';

/**
 * What botbuilder's connector throws, as seen against a stand-in connector: a RestError (from
 * @azure/core-rest-pipeline) with `statusCode`, `code` (Teams' `error.code` from the body), `details`
 * (the parsed body) and `response.headers.get(…)`; without a status for a network failure (with a code
 * such as ECONNREFUSED); and an AbortError when the send's deadline aborted it.
 */
interface ConnectorError {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  statusCode?: unknown;
  details?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined }; bodyAsText?: unknown };
}

/** Teams' words for "this bot may not write here any more" (blocked, uninstalled, removed, disabled). */
const GONE_CODES = [
  'MessageWritesBlocked',
  'ConversationBlockedByUser',
  'BotNotInConversationRoster',
  'BotDisabledByAdmin',
  'ForbiddenOperationException',
  'ConversationNotFound',
];
/** A 404 on an update that names the activity: the copy was deleted, the conversation is fine. */
const COPY_GONE_CODES = ['ActivityNotFoundInConversation', 'MessageNotFound'];
/** Retried, as Teams asks: throttled, precondition failed (a concurrency hiccup), server trouble, timeouts. */
const RETRYABLE_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);

/**
 * Retry-After as seconds or as an HTTP date, in milliseconds from `nowMs`; null when absent or unreadable.
 * Also reads the millisecond variants Azure services send.
 */
export function retryAfterMs(header: (name: string) => string | undefined, nowMs: number): number | null {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(header(name));
    if (header(name) && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const value = header('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

/** Every code Teams put in the error, wherever it put it (code, error.code, error.subCode, innerHttpError). */
function codesOf(error: ConnectorError): string[] {
  const body = (error.details ?? {}) as {
    error?: { code?: unknown; subCode?: unknown; innerHttpError?: { code?: unknown; subCode?: unknown } };
  };
  return [
    error.code,
    body.error?.code,
    body.error?.subCode,
    body.error?.innerHttpError?.code,
    body.error?.innerHttpError?.subCode,
  ].filter((c): c is string => typeof c === 'string' && c !== '');
}

/** Which of `known` the error names, in its codes or its text (Teams is not consistent about where). */
function named(error: ConnectorError, known: readonly string[]): string | undefined {
  const codes = codesOf(error);
  const all = `${text(error.message)} ${text(error.response?.bodyAsText)} ${codes.join(' ')}`.toLowerCase();
  return known.find((k) => codes.includes(k)) ?? known.find((k) => all.includes(k.toLowerCase()));
}

/** Classifies what a connector call threw; `operation` tells a post (a new message) from an update of a posted one. */
export function connectorFailure(
  thrown: unknown,
  operation: 'post' | 'update',
  nowMs: number,
  timedOut: boolean,
): DeliveryFailure {
  const error = (
    typeof thrown === 'object' && thrown !== null ? thrown : { message: String(thrown) }
  ) as ConnectorError;
  const detail = text(error.message).slice(0, 300) || 'no message';
  if (timedOut || error.name === 'AbortError')
    return { code: 'retryable', why: 'timeout', status: null, retryAfterMs: null, detail };
  const status = typeof error.statusCode === 'number' ? error.statusCode : null;
  if (status === null) {
    // No answer at all: refused, reset, unresolvable. A RestError says so with a code; anything else is a bug.
    const network = error.name === 'RestError' || typeof error.code === 'string';
    return { code: 'retryable', why: network ? 'network' : 'unexpected', status: null, retryAfterMs: null, detail };
  }
  const header = (name: string): string | undefined => error.response?.headers?.get?.(name);
  if (RETRYABLE_STATUS.has(status)) {
    const why =
      status === 429
        ? 'throttled'
        : status === 412
          ? 'precondition_failed'
          : status === 408
            ? 'timeout'
            : 'server_error';
    return { code: 'retryable', why, status, retryAfterMs: retryAfterMs(header, nowMs), detail };
  }
  if (status === 404 && operation === 'update' && !named(error, GONE_CODES))
    return { code: 'copy_gone', status, detail };
  if (status === 403 || status === 404) {
    const copyGone = operation === 'update' ? named(error, COPY_GONE_CODES) : undefined;
    if (copyGone) return { code: 'copy_gone', status, detail };
    return {
      code: 'conversation_gone',
      reason: named(error, GONE_CODES) ?? codesOf(error)[0] ?? (status === 403 ? 'Forbidden' : 'NotFound'),
      status,
      detail,
    };
  }
  if (status === 401)
    return {
      code: 'retryable',
      why: 'unexpected',
      status,
      retryAfterMs: null,
      detail: `the connector refused PlanDesk's credentials: ${detail}`,
    };
  return { code: 'rejected', status, detail };
}
