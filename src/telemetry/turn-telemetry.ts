import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Telemetry } from './telemetry';
import { inSpan } from './traced';
import { verbAttribute } from './instruments';
import type { TurnContext } from './turn-context';

/** What the HTTP edge needs of telemetry: a tracer for the turn's span, the instruments for its figures. */
export type TurnTelemetry = Pick<Telemetry, 'tracer' | 'instruments'>;

/**
 * Answers a turn in a server span (the parent of the use case's, the store's and the connector's spans) and
 * counts it by verb and result with its latency. `answer` resolves with the HTTP status it sent.
 */
export async function observedTurn(
  telemetry: TurnTelemetry,
  turn: TurnContext,
  answer: () => Promise<number>,
): Promise<void> {
  const started = performance.now();
  let status = 500;
  try {
    await inSpan(
      telemetry.tracer,
      'POST /api/messages',
      {
        kind: SpanKind.SERVER,
        root: true,
        attributes: {
          'http.request.method': 'POST',
          'url.path': '/api/messages',
          'plandesk.verb': verbAttribute(turn.verb),
          ...(turn.activityId ? { 'plandesk.activity_id': turn.activityId } : {}),
        },
      },
      async (span) => {
        status = await answer();
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      },
    );
  } finally {
    telemetry.instruments.turnAnswered(turn.verb ?? 'other', status, (performance.now() - started) / 1000);
  }
}
