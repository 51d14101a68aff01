import { CloudAdapter } from 'botbuilder';
import { createAdapter } from '../../src/bot/adapter';
import { createJsonLog } from '../../src/log';
import { loadConfig } from '../../src/config';

const log = createJsonLog('silent');

describe('createAdapter', () => {
  // botbuilder asserts its own rules for each app type when the adapter is built; any environment
  // loadConfig accepts must get past them, or a bad deployment would fail later than at start.
  it.each([
    ['anonymous (no app id)', {}],
    ['MultiTenant', { MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'secret' }],
    [
      'SingleTenant',
      {
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppId: 'app-1',
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: 'tenant-1',
      },
    ],
    [
      'UserAssignedMSI',
      { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: 'app-1', MicrosoftAppTenantId: 'tenant-1' },
    ],
  ])('should build a CloudAdapter for every identity loadConfig accepts: %s', (_name, env) => {
    const adapter = createAdapter(loadConfig(env), log);

    expect(adapter).toBeInstanceOf(CloudAdapter);
    expect(adapter.onTurnError).toBeDefined();
  });
});
