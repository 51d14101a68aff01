import { SpanKind, type Tracer } from '@opentelemetry/api';
import type { Middleware, TurnContext } from 'botbuilder';
import { inSpan } from '../telemetry/traced';

/**
 * Middleware that puts every call out to the Bot Connector in a client span: the replies and card updates of a
 * turn, and those of a proactive delivery (botbuilder runs middleware for `continueConversationAsync` too).
 * Installed only when telemetry is exported.
 */
export function connectorSpans(tracer: Tracer): Middleware {
  const client = (name: string, count: number) => ({
    kind: SpanKind.CLIENT,
    attributes: { 'rpc.system': 'bot_connector', 'rpc.method': name, 'plandesk.activities': count },
  });
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      context.onSendActivities((_c, activities, send) =>
        inSpan(tracer, 'connector sendActivities', client('sendActivities', activities.length), send),
      );
      context.onUpdateActivity((_c, _activity, update) =>
        inSpan(tracer, 'connector updateActivity', client('updateActivity', 1), update),
      );
      context.onDeleteActivity((_c, _reference, remove) =>
        inSpan(tracer, 'connector deleteActivity', client('deleteActivity', 1), remove),
      );
      await next();
    },
  };
}
