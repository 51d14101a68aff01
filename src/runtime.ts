import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { PlanDeskAdapter } from './bot/adapter';
import { DELIVERY_POLICY } from './app/delivery/delivery-policy';
import type { ApprovalDeps } from './app/common/deps';
import { useCases } from './app/use-cases';
import type { Clock } from './app/ports/clock';
import type { Store } from './app/ports/store';
import { tick, type TickReport } from './app/scheduler/tick';
import { createAdapter } from './bot/adapter';
import { createLog, type Log } from './log';
import { outboxPump } from './outbox-pump';
import type { BotServices } from './bot/services';
import { teamsMessenger } from './bot/teams-messenger';
import { calendarFor } from './calendar/calendar-for';
import type { ChineseWorkingCalendar } from './calendar/chinese-working-calendar';
import { authIsAnonymous, type Config } from './config';
import { shanghaiDate } from './domain/local-date';
import { openSeededStore } from './samples/seed-samples';
import { SpanKind } from '@opentelemetry/api';
import { connectorSpans } from './bot/connector-spans';
import { checkReadiness, type Readiness } from './health/readiness';
import type { Telemetry } from './telemetry/telemetry';
import { inSpan, outcomeOf, tracedMethods } from './telemetry/traced';

/** Everything but the HTTP server: the store, the calendar, the Bot Framework adapter and delivery. */
export interface Runtime {
  store: Store;
  calendar: ChineseWorkingCalendar;
  adapter: PlanDeskAdapter;
  services: BotServices;
  log: Log;
  /** Runs the jobs due at `now` (the clock's time unless given), then delivers what they decided. */
  tick(now?: Date): Promise<TickReport>;
  /** Resolves once outbox delivery has nothing running. */
  deliveriesSettled(): Promise<void>;
  /** Whether this instance can do its work: the store, the scheduler's ticks, the outbox, the calendar. */
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

/** Builds the parts the bot server and the `plandesk tick` command share, from the configuration. */
export async function createRuntime(
  config: Config,
  deps: { clock: Clock; log?: Log; telemetry?: Telemetry },
): Promise<Runtime> {
  const log = deps.log ?? createLog(config.logLevel);
  const { telemetry } = deps;
  const startedAt = deps.clock.now();
  const calendar = calendarFor(config);
  const year = Number(shanghaiDate(deps.clock.now()).slice(0, 4));
  for (const y of [year, year + 1]) {
    if (!calendar.coversYear(y)) {
      log.warn(
        `the ${y} public holiday arrangement is not loaded: deadlines in ${y} count only weekends; add it to the calendar override file (PLANDESK_CALENDAR_OVERRIDE)`,
        { code: 'calendar_year_missing', year: y },
      );
    }
  }
  // With telemetry, each Cosmos DB request's charge is counted as well as logged at debug level.
  const chargeLog = telemetry
    ? {
        debug: log.debug,
        charged: (operation: string, ru: number) => telemetry.instruments.cosmosCharged(operation, ru),
      }
    : log;
  const opened = await openSeededStore(config, { clock: deps.clock, calendar, newId: randomUUID }, chargeLog);
  const { seeded } = opened;
  // Instrumented only when exported: without telemetry every call takes the path it always took.
  const store = telemetry
    ? tracedMethods(opened.store, telemetry.tracer, 'store', {
        depth: 1,
        kind: SpanKind.CLIENT,
        attributes: { 'db.system.name': config.store === 'cosmos' ? 'azure.cosmosdb' : 'sqlite' },
      })
    : opened.store;
  if (seeded && (seeded.catalog || seeded.policy || seeded.directory || seeded.applications.length > 0)) {
    log.info('seeded the store from the samples', { code: 'seeded', samples: config.samplesDir, ...seeded });
  }
  if (authIsAnonymous(config) && config.allowAnonymousFromAnywhere) {
    log.warn(
      'PLANDESK_ALLOW_ANONYMOUS=1 and MicrosoftAppId is not set: ANYONE WHO CAN REACH THIS PORT CAN ACT AS ANY PERSON. Never in production.',
      { code: 'auth_anonymous_open' },
    );
  } else if (authIsAnonymous(config)) {
    log.warn(
      'MicrosoftAppId is not set: accepting unauthenticated requests from this machine only, for local testing',
      {
        code: 'auth_anonymous',
      },
    );
  }
  if (!authIsAnonymous(config) && config.bot.appType === 'MultiTenant') {
    log.warn(
      'MicrosoftAppType=MultiTenant: Azure creates no new multi-tenant bots since 31 July 2025; this works for a bot registered as multi-tenant before then, a new registration is SingleTenant (the default) or UserAssignedMSI',
      { code: 'auth_multi_tenant' },
    );
  }
  if (config.auditKeys) {
    log.info('audit checkpoints are signed with PLANDESK_AUDIT_KEY', {
      code: 'audit_signed',
      rotating: config.auditKeys.previousKey !== undefined,
    });
  } else {
    log.warn(
      "PLANDESK_AUDIT_KEY is not set: audit checkpoints are written unsigned, so a chain's last entries rewritten or removed together with its checkpoint would not show in plandesk audit verify",
      { code: 'audit_unsigned' },
    );
  }
  const adapter = createAdapter(config, log);
  if (telemetry) adapter.use(connectorSpans(telemetry.tracer));
  const approval: ApprovalDeps = { store, clock: deps.clock, calendar, newId: randomUUID };
  const pump = outboxPump(approval, () => messenger, log, {
    policy: { ...DELIVERY_POLICY, ...config.delivery },
    ...(telemetry ? { telemetry } : {}),
  });
  const cases = useCases(approval);
  const services: BotServices = {
    useCases: telemetry ? tracedMethods(cases, telemetry.tracer, 'usecase', { describe: outcomeOf }) : cases,
    log,
    deliverSoon: () => void pump.kick(),
  };
  const teams = teamsMessenger(adapter, config.bot.appId ?? '', {
    sendTimeoutMs: config.delivery.sendTimeoutMs,
    now: () => deps.clock.now(),
  });
  const messenger = telemetry
    ? tracedMethods(teams, telemetry.tracer, 'messenger', { kind: SpanKind.CLIENT, describe: outcomeOf })
    : teams;
  let lastTick: Date | null = null;
  const readinessSources = {
    outbox: opened.store.outbox,
    now: () => deps.clock.now(),
    lastTick: () => lastTick,
    startedAt,
    tickIntervalMs: config.tickIntervalMs,
    coversYear: (year: number) => calendar.coversYear(year),
  };
  // The outbox's gauges are read when metrics are exported, once a minute, never otherwise.
  telemetry?.instruments.observeOutbox(async () => {
    const ready = await checkReadiness(readinessSources);
    return {
      waiting: Number(ready.checks.outbox?.waiting ?? 0),
      oldestWaitingSeconds: Number(ready.checks.outbox?.oldestWaitingSeconds ?? 0),
      deadLast24h: Number(ready.checks.deadLetters?.last24h ?? 0),
    };
  });
  const runTick = async (now: Date): Promise<TickReport> => {
    const started = performance.now();
    const report = await tick(approval, now, owner);
    telemetry?.instruments.ticked(report, (performance.now() - started) / 1000);
    return report;
  };
  // Each process leases jobs under its own name, so two instances never run the same job.
  const owner = `${hostname()}:${process.pid}`;
  return {
    store,
    calendar,
    adapter,
    services,
    log,
    async tick(now = deps.clock.now()) {
      const report = await (telemetry
        ? inSpan(telemetry.tracer, 'tick', { root: true }, () => runTick(now))
        : runTick(now));
      lastTick = deps.clock.now();
      if (report.ran > 0 || report.failed > 0) log.info('jobs run', { code: 'tick', ...report });
      await pump.kick();
      await pump.idle();
      return report;
    },
    deliveriesSettled: () => pump.idle(),
    readiness: () => checkReadiness(readinessSources),
    async close() {
      // stop(): no retry wake-up may fire after the store is closed.
      await pump.stop();
      await store.close();
    },
  };
}
