import { readFileSync } from 'node:fs';
import path from 'node:path';
import { authIsAnonymous, ConfigError, ENVIRONMENT_VARIABLES, loadConfig, type Config } from '../src/config';

/** The ConfigError loadConfig throws for an environment (the test fails if it does not throw one). */
function problemWith(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted a bad environment');
}

describe('loadConfig', () => {
  it('should fill every default from an empty environment, and run anonymously', () => {
    const config = loadConfig({});

    expect(config).toEqual({
      port: 3978,
      store: 'sqlite',
      dbPath: './data/plandesk.db',
      samplesDir: './config/samples',
      logLevel: 'info',
      deliveryIntervalMs: 10000,
      tickIntervalMs: 60000,
      delivery: { leaseMs: 60000, sendTimeoutMs: 15000, baseRetryDelayMs: 5000, maxAttempts: 8, maxSendsPerSecond: 20 },
      allowAnonymousFromAnywhere: false,
      bot: { appId: undefined, appPassword: undefined, appTenantId: undefined, appType: 'SingleTenant' },
    });
    expect(authIsAnonymous(config)).toBe(true);
  });

  it('should treat empty values as unset, as an .env file with blank lines leaves them', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: ' ', PLANDESK_CALENDAR_OVERRIDE: '' })).toEqual(loadConfig({}));
  });

  it('should read every variable it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      PLANDESK_DB: '/var/lib/plandesk.db',
      PLANDESK_STORE: 'Cosmos',
      COSMOS_ENDPOINT: 'https://plandesk.documents.azure.com:443/',
      PLANDESK_SAMPLES: '/srv/samples',
      PLANDESK_CALENDAR_OVERRIDE: '/srv/calendar.json',
      MicrosoftAppId: 'app-1',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant-1',
      MicrosoftAppType: 'singletenant',
      LOG_LEVEL: 'DEBUG',
      PLANDESK_DELIVERY_INTERVAL_MS: '2500',
      PLANDESK_ALLOW_ANONYMOUS: '1',
    });

    expect(config).toEqual({
      port: 8080,
      store: 'cosmos',
      dbPath: '/var/lib/plandesk.db',
      samplesDir: '/srv/samples',
      calendarOverridePath: '/srv/calendar.json',
      logLevel: 'debug',
      deliveryIntervalMs: 2500,
      tickIntervalMs: 60000,
      delivery: { leaseMs: 60000, sendTimeoutMs: 15000, baseRetryDelayMs: 5000, maxAttempts: 8, maxSendsPerSecond: 20 },
      cosmos: { endpoint: 'https://plandesk.documents.azure.com:443/', database: 'plandesk' },
      allowAnonymousFromAnywhere: true,
      bot: { appId: 'app-1', appPassword: 'secret', appTenantId: 'tenant-1', appType: 'SingleTenant' },
    });
    expect(authIsAnonymous(config)).toBe(false);
  });

  it('should name a bad PORT and a bad PLANDESK_STORE together in one readable message', () => {
    const error = problemWith({ PORT: 'eighty', PLANDESK_STORE: 'mongo' });

    expect(error.code).toBe('bad_config');
    expect(error.problems).toHaveLength(2);
    expect(error.message).toContain('PORT: must be a whole number from 0 to 65535 (got "eighty")');
    expect(error.message).toContain('PLANDESK_STORE: must be one of sqlite, cosmos (got "mongo")');
  });

  it('should report a bad PORT and a missing credential in the same message, not one start after another', () => {
    expect(
      problemWith({ PORT: 'eighty', MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 'x' }).problems,
    ).toEqual([
      'PORT: must be a whole number from 0 to 65535 (got "eighty")',
      'MicrosoftAppId: is required when MicrosoftAppPassword is set',
    ]);
  });

  it.each([
    ['PLANDESK_TICK_INTERVAL_MS', '000', 'from 100 to 86400000'],
    ['PLANDESK_TICK_INTERVAL_MS', '99', 'from 100 to 86400000'],
    ['PLANDESK_TICK_INTERVAL_MS', '1e3', 'from 100 to 86400000'],
    ['PLANDESK_TICK_INTERVAL_MS', '86400001', 'from 100 to 86400000'],
    ['PLANDESK_DELIVERY_LEASE_MS', '999', 'from 1000 to 3600000'],
    ['PLANDESK_DELIVERY_LEASE_MS', '1e4', 'from 1000 to 3600000'],
    ['PLANDESK_SEND_TIMEOUT_MS', '99999999999', 'from 1000 to 300000'],
    ['PLANDESK_SEND_TIMEOUT_MS', '60000.5', 'from 1000 to 300000'],
    ['PLANDESK_DELIVERY_INTERVAL_MS', '-5', 'from 100 to 3600000'],
    ['PLANDESK_DELIVERY_INTERVAL_MS', '50', 'from 100 to 3600000'],
    ['PLANDESK_DELIVERY_RETRY_MS', '99', 'from 100 to 600000'],
  ])('should refuse %s=%s, naming its range', (name, value, range) => {
    expect(problemWith({ [name]: value }).problems).toEqual([
      `${name}: must be a whole number of milliseconds ${range} (got "${value}")`,
    ]);
  });

  it.each(['0', '51', '2.5'])(
    "should refuse PLANDESK_DELIVERY_PER_SECOND=%s: above 50 no process could stay within Teams' rate for an app",
    (value) => {
      expect(problemWith({ PLANDESK_DELIVERY_PER_SECOND: value }).problems).toEqual([
        `PLANDESK_DELIVERY_PER_SECOND: must be a whole number from 1 to 50 (got "${value}")`,
      ]);
    },
  );

  // Trimmed rather than refused: a value pasted into a portal or an .env file often carries a space, and no reading
  // of " 60000 " is other than 60000.
  it('should read a number with spaces around it as the number', () => {
    expect(loadConfig({ PLANDESK_TICK_INTERVAL_MS: ' 60000 ' }).tickIntervalMs).toBe(60000);
    expect(loadConfig({ PLANDESK_SEND_TIMEOUT_MS: '\t30000\n' }).delivery.sendTimeoutMs).toBe(30000);
  });

  it.each([
    ['PORT', '0', 0, (c: Config) => c.port],
    ['PORT', '65535', 65535, (c: Config) => c.port],
    ['PLANDESK_TICK_INTERVAL_MS', '100', 100, (c: Config) => c.tickIntervalMs],
    ['PLANDESK_TICK_INTERVAL_MS', '86400000', 86_400_000, (c: Config) => c.tickIntervalMs],
    ['PLANDESK_DELIVERY_LEASE_MS', '1000', 1000, (c: Config) => c.delivery.leaseMs],
    ['PLANDESK_SEND_TIMEOUT_MS', '300000', 300_000, (c: Config) => c.delivery.sendTimeoutMs],
    ['PLANDESK_DELIVERY_INTERVAL_MS', '0100', 100, (c: Config) => c.deliveryIntervalMs],
    ['PLANDESK_DELIVERY_RETRY_MS', '100', 100, (c: Config) => c.delivery.baseRetryDelayMs],
    ['PLANDESK_DELIVERY_ATTEMPTS', '20', 20, (c: Config) => c.delivery.maxAttempts],
    ['PLANDESK_DELIVERY_PER_SECOND', '1', 1, (c: Config) => c.delivery.maxSendsPerSecond],
    ['PLANDESK_DELIVERY_PER_SECOND', '50', 50, (c: Config) => c.delivery.maxSendsPerSecond],
  ])('should accept %s=%s, an end of its range, as %p', (name, value, expected, read) => {
    expect(read(loadConfig({ [name]: value }))).toBe(expected);
  });

  it.each([
    ['PORT', 3978, (c: Config) => c.port],
    ['PLANDESK_STORE', 'sqlite', (c: Config) => c.store],
    ['PLANDESK_DB', './data/plandesk.db', (c: Config) => c.dbPath],
    ['PLANDESK_SAMPLES', './config/samples', (c: Config) => c.samplesDir],
    ['PLANDESK_CALENDAR_OVERRIDE', undefined, (c: Config) => c.calendarOverridePath],
    ['PLANDESK_TICK_INTERVAL_MS', 60_000, (c: Config) => c.tickIntervalMs],
    ['PLANDESK_DELIVERY_INTERVAL_MS', 10_000, (c: Config) => c.deliveryIntervalMs],
    ['PLANDESK_DELIVERY_LEASE_MS', 60_000, (c: Config) => c.delivery.leaseMs],
    ['PLANDESK_SEND_TIMEOUT_MS', 15_000, (c: Config) => c.delivery.sendTimeoutMs],
    ['PLANDESK_DELIVERY_RETRY_MS', 5_000, (c: Config) => c.delivery.baseRetryDelayMs],
    ['PLANDESK_DELIVERY_ATTEMPTS', 8, (c: Config) => c.delivery.maxAttempts],
    ['PLANDESK_DELIVERY_PER_SECOND', 20, (c: Config) => c.delivery.maxSendsPerSecond],
    ['LOG_LEVEL', 'info', (c: Config) => c.logLevel],
    ['MicrosoftAppType', 'SingleTenant', (c: Config) => c.bot.appType],
    ['MicrosoftAppId', undefined, (c: Config) => c.bot.appId],
    ['COSMOS_ENDPOINT', undefined, (c: Config) => c.cosmos],
  ])('should default %s to %p when it is unset', (_name, expected, read) => {
    expect(read(loadConfig({}))).toBe(expected);
  });

  it('should default COSMOS_DATABASE to plandesk and sign in with managed identity when COSMOS_KEY is unset', () => {
    expect(
      loadConfig({ PLANDESK_STORE: 'cosmos', COSMOS_ENDPOINT: 'https://a.documents.azure.com:443/' }).cosmos,
    ).toEqual({
      endpoint: 'https://a.documents.azure.com:443/',
      database: 'plandesk',
    });
  });

  it('should refuse the Cosmos DB store without its endpoint at start, not when it is first opened', () => {
    expect(problemWith({ PLANDESK_STORE: 'cosmos' }).problems).toEqual([
      'COSMOS_ENDPOINT: is required when PLANDESK_STORE is cosmos',
    ]);
  });

  it.each(['-1', '65536', '80.5', '0x50'])('should refuse PORT=%s', (port) => {
    expect(problemWith({ PORT: port }).message).toContain('PORT:');
  });

  it('should list every missing credential for a single-tenant bot at once', () => {
    const error = problemWith({ MicrosoftAppType: 'SingleTenant', LOG_LEVEL: 'loud' });

    expect(error.problems).toEqual([
      'LOG_LEVEL: must be one of debug, info, warn, error, silent (got "loud")',
      'MicrosoftAppId: is required when MicrosoftAppType is SingleTenant',
      'MicrosoftAppPassword: is required when MicrosoftAppType is SingleTenant',
      "MicrosoftAppTenantId: is required when MicrosoftAppType is SingleTenant: the id of the bot's Entra tenant, e.g. from: az account show --query tenantId",
    ]);
  });

  it('should refuse a password for a managed identity, without printing the password', () => {
    const error = problemWith({
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: 'app-1',
      MicrosoftAppTenantId: 't',
      MicrosoftAppPassword: 'hunter2',
    });

    expect(error.problems).toEqual(['MicrosoftAppPassword: must not be set when MicrosoftAppType is UserAssignedMSI']);
    expect(error.message).not.toContain('hunter2');
  });

  it('should refuse a password without an app id rather than silently run anonymously', () => {
    expect(problemWith({ MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 'hunter2' }).problems).toEqual([
      'MicrosoftAppId: is required when MicrosoftAppPassword is set',
    ]);
  });

  it('should read the audit key, and the previous one during a rotation', () => {
    const key = 'q3X0m9pZ4k2VbN8s1cR7tY6uW5eA0dLfGhJkPoIuYtRe=';
    const previousKey = 'Zx8Cv7Bn6Mm5Lk4Jh3Gf2Ds1Aq0Wp9Oi8Uy7Tr6Ee5Ww=';
    expect(loadConfig({}).auditKeys).toBeUndefined();
    expect(loadConfig({ PLANDESK_AUDIT_KEY: key }).auditKeys).toEqual({ key });
    expect(loadConfig({ PLANDESK_AUDIT_KEY: key, PLANDESK_AUDIT_PREVIOUS_KEY: previousKey }).auditKeys).toEqual({
      key,
      previousKey,
    });
  });

  it('should refuse a short audit key, and a previous key alone, without printing either', () => {
    const error = problemWith({ PLANDESK_AUDIT_KEY: 'hunter2hunter2' });
    expect(error.problems).toEqual([
      'PLANDESK_AUDIT_KEY: must be at least 32 characters, e.g. the output of: openssl rand -base64 32',
    ]);
    expect(error.message).not.toContain('hunter2');
    expect(
      problemWith({ PLANDESK_AUDIT_PREVIOUS_KEY: 'Zx8Cv7Bn6Mm5Lk4Jh3Gf2Ds1Aq0Wp9Oi8Uy7Tr6Ee5Ww=' }).problems,
    ).toEqual(['PLANDESK_AUDIT_KEY: is required when PLANDESK_AUDIT_PREVIOUS_KEY is set']);
  });

  it('should ask for the password of a multi-tenant app id, and no tenant', () => {
    expect(problemWith({ MicrosoftAppType: 'MultiTenant', MicrosoftAppId: 'app-1' }).problems).toEqual([
      'MicrosoftAppPassword: is required when MicrosoftAppId is set',
    ]);
    expect(
      loadConfig({ MicrosoftAppType: 'multitenant', MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'secret' }).bot,
    ).toEqual({ appId: 'app-1', appPassword: 'secret', appTenantId: undefined, appType: 'MultiTenant' });
  });
});

describe('the bot identity without MicrosoftAppType', () => {
  const byDefault =
    'when MicrosoftAppType is SingleTenant, its default (Azure creates no new multi-tenant bots since 31 July 2025; ' +
    'a bot registered as multi-tenant before then sets MicrosoftAppType=MultiTenant)';

  it('should be a single-tenant bot when an app id, password and tenant are given', () => {
    expect(
      loadConfig({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 't-1' }).bot,
    ).toEqual({ appId: 'app-1', appPassword: 'secret', appTenantId: 't-1', appType: 'SingleTenant' });
  });

  it('should name the missing tenant id, why it is needed, where to find it, and the way back to MultiTenant', () => {
    const error = problemWith({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'hunter2' });

    expect(error.problems).toEqual([
      `MicrosoftAppTenantId: is required ${byDefault}: the id of the bot's Entra tenant, e.g. from: az account show --query tenantId`,
    ]);
    expect(error.message).toContain('MicrosoftAppType=MultiTenant');
    expect(error.message).not.toContain('hunter2');
  });

  it.each([
    [{ MicrosoftAppId: 'app-1' }, ['MicrosoftAppPassword', 'MicrosoftAppTenantId']],
    [{ MicrosoftAppPassword: 'hunter2' }, ['MicrosoftAppId', 'MicrosoftAppTenantId']],
    [{ MicrosoftAppTenantId: 't-1' }, ['MicrosoftAppId', 'MicrosoftAppPassword']],
  ])('should not run anonymously on part of a credential (%p): it names the rest', (env, missing) => {
    const problems = problemWith(env).problems;

    expect(problems.map((p) => p.slice(0, p.indexOf(':')))).toEqual(missing);
    expect(problems.every((p) => p.includes(byDefault))).toBe(true);
  });

  it('should still run anonymously, for local testing, when no part of a credential is given', () => {
    expect(authIsAnonymous(loadConfig({}))).toBe(true);
    expect(authIsAnonymous(loadConfig({ MicrosoftAppId: '', MicrosoftAppTenantId: ' ' }))).toBe(true);
  });
});

describe('the README', () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration (environment)'), readme.indexOf('## Running in Azure'));

  it.each(ENVIRONMENT_VARIABLES)('should give %s a row of the configuration table', (name) => {
    expect(table).toMatch(new RegExp(`^\\|[^\\n]*\`${name}\``, 'm'));
  });
});
