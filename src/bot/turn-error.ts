import type { TurnContext } from 'botbuilder';
import { languageFor, t } from '../i18n';
import type { Log } from '../log';

/**
 * The adapter's last resort for an error nothing else handled: logs it (code `turn_failed`, with the
 * stack) and tells the user, in their language, only that it failed and a reference to find the log line.
 */
export function turnErrorHandler(log: Log): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const { activity } = context;
    // The incoming activity's id is unique per conversation and already in Bot Framework's own traces.
    const ref = activity.id ?? 'unknown';
    log.error('turn failed', {
      code: 'turn_failed',
      ref,
      activityType: activity.type,
      conversationId: activity.conversation?.id,
      error,
    });
    try {
      await context.sendActivity(t(languageFor(activity.locale), 'error.turn_failed', { ref }));
    } catch (sendError) {
      log.error('could not send the apology', { code: 'turn_error_reply_failed', ref, error: sendError });
    }
  };
}
