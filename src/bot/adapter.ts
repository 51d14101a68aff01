import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
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
export function createAdapter(config: Pick<Config, 'bot'>, log: Log): CloudAdapter {
  const { appId, appPassword, appTenantId, appType } = config.bot;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: appTenantId,
    MicrosoftAppType: BOTBUILDER_APP_TYPE[appType],
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(log);
  return adapter;
}
