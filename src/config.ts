import { z } from 'zod';

/** How the bot's Microsoft app identity authenticates; the names botbuilder's configuration uses. */
export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

export const STORE_KINDS = ['sqlite', 'cosmos'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything PlanDesk reads from its environment, parsed once at start. Paths are relative to the working directory. */
export interface Config {
  port: number;
  store: StoreKind;
  /** The SQLite file, when `store` is sqlite. */
  dbPath: string;
  samplesDir: string;
  /** A file that overrides the built-in Chinese working calendar, if any. */
  calendarOverridePath?: string;
  logLevel: LogLevel;
  /** How often the outbox is retried when no turn has asked for it. */
  deliveryIntervalMs: number;
  /** How often due jobs (reminders, deadlines, expiry) are run. */
  tickIntervalMs: number;
  /**
   * How long a process holds a claimed message (a crashed one's claims come back after it), each send's deadline,
   * retries, and the sends one process starts in any second (all conversations together).
   */
  delivery: {
    leaseMs: number;
    sendTimeoutMs: number;
    baseRetryDelayMs: number;
    maxAttempts: number;
    maxSendsPerSecond: number;
  };
  /** The Cosmos DB account, when COSMOS_ENDPOINT is set; no `key` means Microsoft Entra ID (managed identity). */
  cosmos?: { endpoint: string; key?: string; database: string };
  /**
   * The keys the audit trail's checkpoints are signed with (HMAC-SHA256), when PLANDESK_AUDIT_KEY is set;
   * `previousKey` is still accepted, while a rotation re-signs what it signed. Unset: checkpoints unsigned.
   */
  auditKeys?: { key: string; previousKey?: string };
  /**
   * Without an app id the bot trusts whatever a request says about who sends it, so it answers this
   * machine only (loopback) unless PLANDESK_ALLOW_ANONYMOUS=1 says otherwise (logged loudly at start).
   */
  allowAnonymousFromAnywhere: boolean;
  /**
   * Where traces and metrics go: Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set, an OTLP/HTTP
   * collector when OTEL_EXPORTER_OTLP_ENDPOINT is set (both may be). Unset: nowhere, and the SDK is not loaded.
   */
  telemetry?: { azureMonitorConnectionString?: string; otlpEndpoint?: string };
  /**
   * The bot's Microsoft app identity; no `appId` means anonymous (local testing only). `appType` is SingleTenant
   * unless MicrosoftAppType says otherwise.
   */
  bot: { appId?: string; appPassword?: string; appTenantId?: string; appType: AppType };
}

/** The environment is wrong; the message names every bad variable, one per line. */
export class ConfigError extends Error {
  readonly code = 'bad_config';
  constructor(readonly problems: string[]) {
    super(`PlanDesk cannot start; fix these environment variables:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Values of these are never echoed back in an error message.
const SECRETS = new Set([
  'MicrosoftAppPassword',
  'COSMOS_KEY',
  'PLANDESK_AUDIT_KEY',
  'PLANDESK_AUDIT_PREVIOUS_KEY',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
]);

/** Case-insensitive choice that yields the canonical spelling, so `cosmos` and `Cosmos` both work. */
const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.string().transform((raw, ctx) => {
    const found = values.find((v) => v.toLowerCase() === raw.trim().toLowerCase());
    if (!found) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be one of ${values.join(', ')}` });
    return found ?? values[0];
  });

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A whole number within a range, written in decimal digits only (no sign, exponent or hex, which
 * Number() would quietly accept; spaces around it are dropped): "000" is 0 and is refused when 0 is out of range.
 */
const wholeNumber = (min: number, max: number, unit = '') =>
  z
    .string()
    .transform((s) => s.trim())
    .refine(
      (s) => /^\d{1,15}$/.test(s) && Number(s) >= min && Number(s) <= max,
      `must be a whole number${unit} from ${min} to ${max}`,
    )
    .transform(Number);
const ms = (min: number, max: number) => wholeNumber(min, max, ' of milliseconds');

// 32 characters of `openssl rand -base64 32` carry 192 bits; a shorter key is a password, guessable offline
// from any checkpoint and its signature.
const auditKey = z
  .string()
  .refine((s) => s.length >= 32, 'must be at least 32 characters, e.g. the output of: openssl rand -base64 32');

const Settings = z.object({
  // Any TCP port; 0 asks the system for a free one (the tests start bots side by side that way).
  PORT: wholeNumber(0, 65535).default('3978'),
  PLANDESK_DB: z.string().default('./data/plandesk.db'),
  PLANDESK_STORE: oneOf(STORE_KINDS).default('sqlite'),
  PLANDESK_SAMPLES: z.string().default('./config/samples'),
  PLANDESK_CALENDAR_OVERRIDE: z.string().optional(),
  LOG_LEVEL: oneOf(LOG_LEVELS).default('info'),
  // Due jobs are minutes apart at the finest; tests and demos tick faster, but a tick every 100 ms is the most a store
  // should carry, and a day between ticks would miss working hours.
  PLANDESK_TICK_INTERVAL_MS: ms(100, 86_400_000).default('60000'),
  // The lease only has to cover a claim until its send starts (each send renews it by the send timeout), so a
  // second is enough; past an hour a crashed process's messages would wait longer than anyone waits for a notice.
  PLANDESK_DELIVERY_LEASE_MS: ms(1_000, 3_600_000).default('60000'),
  // Teams answers in seconds; five minutes is already a connection that is gone.
  PLANDESK_SEND_TIMEOUT_MS: ms(1_000, 300_000).default('15000'),
  // Each turn delivers its own messages at once; this only retries the waiting ones. Faster than 100 ms is polling
  // the store for nothing, and an hour is the longest a backed-off retry should wait beyond its time.
  PLANDESK_DELIVERY_INTERVAL_MS: ms(100, 3_600_000).default('10000'),
  // The first retry of a failed send waits about this long, each next one twice as long; tries before a message is a
  // dead letter (ops told). Teams asks for backoff; the fault suite shortens both so its run ends in minutes.
  PLANDESK_DELIVERY_RETRY_MS: ms(100, 600_000).default('5000'),
  PLANDESK_DELIVERY_ATTEMPTS: wholeNumber(1, 20).default('8'),
  // Teams takes at most 50 requests a second from an app in a tenant, so one process never needs more; each of
  // several instances takes its share (the default leaves two instances room for their answers within turns).
  PLANDESK_DELIVERY_PER_SECOND: wholeNumber(1, 50).default('20'),
  COSMOS_ENDPOINT: z
    .string()
    .refine(isHttpsUrl, "must be the account's https:// endpoint, e.g. https://plandesk.documents.azure.com:443/")
    .optional(),
  COSMOS_KEY: z.string().optional(),
  COSMOS_DATABASE: z
    .string()
    .refine(
      (s) => /^[^/\\#?]{1,255}$/.test(s) && s.trim() === s,
      'must be 1 to 255 characters, none of / \\ # ? and no surrounding spaces',
    )
    .default('plandesk'),
  PLANDESK_AUDIT_KEY: auditKey.optional(),
  PLANDESK_AUDIT_PREVIOUS_KEY: auditKey.optional(),
  PLANDESK_ALLOW_ANONYMOUS: oneOf(['0', '1'] as const).default('0'),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z
    .string()
    .refine(
      (s) => /(^|;)\s*(InstrumentationKey|IngestionEndpoint)\s*=/i.test(s),
      "must be the Application Insights resource's connection string (InstrumentationKey=…;IngestionEndpoint=…)",
    )
    .optional(),
  // The OTLP/HTTP base endpoint, as the OpenTelemetry specification names it; traces go to /v1/traces under it.
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .refine(isHttpUrl, 'must be an http:// or https:// URL, e.g. http://localhost:4318')
    .optional(),
});

// Azure has created no new multi-tenant bots since 31 July 2025 (existing ones keep working), so an app id
// without a type is a single-tenant one; MultiTenant stays for a bot registered as such before then.
const DEFAULT_APP_TYPE: AppType = 'SingleTenant';
const SINGLE_TENANT_BY_DEFAULT =
  'when MicrosoftAppType is SingleTenant, its default (Azure creates no new multi-tenant bots since 31 July 2025; ' +
  'a bot registered as multi-tenant before then sets MicrosoftAppType=MultiTenant)';
const TENANT_HINT = "the id of the bot's Entra tenant, e.g. from: az account show --query tenantId";

// Parsed apart from Settings: zod skips an object's refinement once a field has failed, and a bad
// PORT must not hide a missing password until the next start.
const Identity = z
  .object({
    MicrosoftAppId: z.string().optional(),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppTenantId: z.string().optional(),
    MicrosoftAppType: oneOf(APP_TYPES).optional(),
  })
  .superRefine((env, ctx) => {
    // botbuilder asserts these only when the adapter is built; checking here names them all at start.
    const need = (key: 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppTenantId', why: string) => {
      if (!env[key]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: `is required ${why}` });
    };
    const anyCredential = Boolean(env.MicrosoftAppId || env.MicrosoftAppPassword || env.MicrosoftAppTenantId);
    if (env.MicrosoftAppType === undefined && anyCredential) {
      need('MicrosoftAppId', SINGLE_TENANT_BY_DEFAULT);
      need('MicrosoftAppPassword', SINGLE_TENANT_BY_DEFAULT);
      need('MicrosoftAppTenantId', `${SINGLE_TENANT_BY_DEFAULT}: ${TENANT_HINT}`);
    } else if (env.MicrosoftAppType === 'SingleTenant') {
      need('MicrosoftAppId', 'when MicrosoftAppType is SingleTenant');
      need('MicrosoftAppPassword', 'when MicrosoftAppType is SingleTenant');
      need('MicrosoftAppTenantId', `when MicrosoftAppType is SingleTenant: ${TENANT_HINT}`);
    } else if (env.MicrosoftAppType === 'UserAssignedMSI') {
      need('MicrosoftAppId', 'when MicrosoftAppType is UserAssignedMSI');
      need('MicrosoftAppTenantId', `when MicrosoftAppType is UserAssignedMSI: ${TENANT_HINT}`);
      if (env.MicrosoftAppPassword)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['MicrosoftAppPassword'],
          message: 'must not be set when MicrosoftAppType is UserAssignedMSI',
        });
    } else if (env.MicrosoftAppId) {
      need('MicrosoftAppPassword', 'when MicrosoftAppId is set');
    } else if (env.MicrosoftAppPassword) {
      // A password without an id would silently run the bot anonymously.
      need('MicrosoftAppId', 'when MicrosoftAppPassword is set');
    }
  });

/** Every variable loadConfig reads, in the order the README's configuration table lists them. */
export const ENVIRONMENT_VARIABLES: readonly string[] = [
  ...Object.keys(Settings.shape),
  ...Object.keys(Identity.innerType().shape),
];

/** Reads and checks the environment; throws a ConfigError naming every bad variable. Empty values count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const settings = Settings.safeParse(present);
  const identity = Identity.safeParse(present);
  // Checked here rather than when the store opens, so a start names it with every other problem.
  const cosmosUnset =
    settings.success && settings.data.PLANDESK_STORE === 'cosmos' && !settings.data.COSMOS_ENDPOINT
      ? [{ path: ['COSMOS_ENDPOINT'], message: 'is required when PLANDESK_STORE is cosmos' }]
      : [];
  // A previous key alone would sign nothing and accept what it signed: a rotation half done.
  const auditKeyUnset =
    settings.success && settings.data.PLANDESK_AUDIT_PREVIOUS_KEY && !settings.data.PLANDESK_AUDIT_KEY
      ? [{ path: ['PLANDESK_AUDIT_KEY'], message: 'is required when PLANDESK_AUDIT_PREVIOUS_KEY is set' }]
      : [];
  if (!settings.success || !identity.success || cosmosUnset.length > 0 || auditKeyUnset.length > 0) {
    const issues = [
      ...(settings.error?.issues ?? []),
      ...cosmosUnset,
      ...auditKeyUnset,
      ...(identity.error?.issues ?? []),
    ];
    throw new ConfigError(
      issues.map((issue) => {
        const key = String(issue.path[0] ?? 'environment');
        const shown = key in present && !SECRETS.has(key) ? ` (got "${present[key]}")` : '';
        return `${key}: ${issue.message}${shown}`;
      }),
    );
  }
  const s = settings.data;
  const i = identity.data;
  return {
    port: s.PORT,
    store: s.PLANDESK_STORE,
    dbPath: s.PLANDESK_DB,
    samplesDir: s.PLANDESK_SAMPLES,
    ...(s.PLANDESK_CALENDAR_OVERRIDE ? { calendarOverridePath: s.PLANDESK_CALENDAR_OVERRIDE } : {}),
    logLevel: s.LOG_LEVEL,
    deliveryIntervalMs: s.PLANDESK_DELIVERY_INTERVAL_MS,
    tickIntervalMs: s.PLANDESK_TICK_INTERVAL_MS,
    delivery: {
      leaseMs: s.PLANDESK_DELIVERY_LEASE_MS,
      sendTimeoutMs: s.PLANDESK_SEND_TIMEOUT_MS,
      baseRetryDelayMs: s.PLANDESK_DELIVERY_RETRY_MS,
      maxAttempts: s.PLANDESK_DELIVERY_ATTEMPTS,
      maxSendsPerSecond: s.PLANDESK_DELIVERY_PER_SECOND,
    },
    ...(s.COSMOS_ENDPOINT
      ? {
          cosmos: {
            endpoint: s.COSMOS_ENDPOINT,
            ...(s.COSMOS_KEY ? { key: s.COSMOS_KEY } : {}),
            database: s.COSMOS_DATABASE,
          },
        }
      : {}),
    ...(s.PLANDESK_AUDIT_KEY
      ? {
          auditKeys: {
            key: s.PLANDESK_AUDIT_KEY,
            ...(s.PLANDESK_AUDIT_PREVIOUS_KEY ? { previousKey: s.PLANDESK_AUDIT_PREVIOUS_KEY } : {}),
          },
        }
      : {}),
    allowAnonymousFromAnywhere: s.PLANDESK_ALLOW_ANONYMOUS === '1',
    ...(s.APPLICATIONINSIGHTS_CONNECTION_STRING || s.OTEL_EXPORTER_OTLP_ENDPOINT
      ? {
          telemetry: {
            ...(s.APPLICATIONINSIGHTS_CONNECTION_STRING
              ? { azureMonitorConnectionString: s.APPLICATIONINSIGHTS_CONNECTION_STRING }
              : {}),
            ...(s.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: s.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
          },
        }
      : {}),
    bot: {
      appId: i.MicrosoftAppId,
      appPassword: i.MicrosoftAppPassword,
      appTenantId: i.MicrosoftAppTenantId,
      appType: i.MicrosoftAppType ?? DEFAULT_APP_TYPE,
    },
  };
}

/** True when no Microsoft app id is configured: the bot accepts unauthenticated requests, so only for local testing. */
export function authIsAnonymous(config: Pick<Config, 'bot'>): boolean {
  return !config.bot.appId;
}

/** The configuration, or null after telling `report` every bad variable (both entry points stop on that). */
export function configOrExplain(env: NodeJS.ProcessEnv, report: (message: string) => void): Config | null {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(error.message);
    return null;
  }
}
