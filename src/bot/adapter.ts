import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Log } from '../log';
import { turnErrorHandler } from './turn-error';

// botbuilder's spelling of the managed-identity app type (it compares case-insensitively anyway).
const BOTBUILDER_APP_TYPE = {
  MultiTenant: 'MultiTenant',
  SingleTenant: 'SingleTenant',
  UserAssignedMSI: 'UserAssignedMsi',
} as const;

/**
 * The Bot Framework adapter for the bot's app identity. Without an app id it is anonymous: it accepts
 * requests without a token and replies without one, which only the Agents Playground / Emulator accept,
 * so the caller should warn (see `authIsAnonymous`). Unhandled turn errors go to `turnErrorHandler`.
 */
export function createAdapter(config: Pick<Config, 'bot'>, log: Log): PlanDeskAdapter {
  const { appId, appPassword, appTenantId, appType } = config.bot;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: appTenantId,
    // Anonymous (no app id) is botbuilder's multi-tenant path without credentials: its other types assert an id.
    MicrosoftAppType: appId ? BOTBUILDER_APP_TYPE[appType] : BOTBUILDER_APP_TYPE.MultiTenant,
  });
  const adapter = new PlanDeskAdapter(auth);
  adapter.onTurnError = turnErrorHandler(log);
  return adapter;
}

/** How a request to /api/messages is answered: its status and body, and when it was refused, why (for the log only). */
export interface Answer {
  status: number;
  body?: unknown;
  refusedBecause?: unknown;
}

/**
 * CloudAdapter, answering a request itself rather than through `process()`, which answers a failed
 * sign-in check 500 with the framework's internal text (the metadata fetch's error, say). Whatever fails
 * before the bot runs is the caller's identity not being established: 401 with a neutral body.
 */
export class PlanDeskAdapter extends CloudAdapter {
  async answer(
    authorization: string,
    body: Record<string, unknown>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<Answer> {
    let started = false;
    try {
      const invoked = await this.processActivity(authorization, withDates(body), (context) => {
        started = true;
        return logic(context);
      });
      return invoked?.body === undefined
        ? { status: invoked?.status ?? 200 }
        : { status: invoked.status, body: invoked.body };
    } catch (error) {
      if (!started) return { status: 401, body: { error: 'unauthorized' }, refusedBecause: error };
      throw error;
    }
  }
}

/** The activity with its times as dates, as Bot Framework's own request handling gives it to a bot. */
function withDates(body: Record<string, unknown>): Activity {
  const activity = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
