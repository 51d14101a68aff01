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
  close(): Promise<void>;
}

/** Builds the parts the bot server and the `plandesk tick` command share, from the configuration. */
export async function createRuntime(config: Config, deps: { clock: Clock; log?: Log }): Promise<Runtime> {
  const log = deps.log ?? createLog(config.logLevel);
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
  const { store, seeded } = await openSeededStore(config, { clock: deps.clock, calendar, newId: randomUUID }, log);
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
  const approval: ApprovalDeps = { store, clock: deps.clock, calendar, newId: randomUUID };
  const pump = outboxPump(approval, () => messenger, log, { policy: { ...DELIVERY_POLICY, ...config.delivery } });
  const services: BotServices = { useCases: useCases(approval), log, deliverSoon: () => void pump.kick() };
  const messenger = teamsMessenger(adapter, config.bot.appId ?? '', {
    sendTimeoutMs: config.delivery.sendTimeoutMs,
    now: () => deps.clock.now(),
  });
  // Each process leases jobs under its own name, so two instances never run the same job.
  const owner = `${hostname()}:${process.pid}`;
  return {
    store,
    calendar,
    adapter,
    services,
    log,
    async tick(now = deps.clock.now()) {
      const report = await tick(approval, now, owner);
      if (report.ran > 0 || report.failed > 0) log.info('jobs run', { code: 'tick', ...report });
      await pump.kick();
      await pump.idle();
      return report;
    },
    deliveriesSettled: () => pump.idle(),
    async close() {
      // stop(): no retry wake-up may fire after the store is closed.
      await pump.stop();
      await store.close();
    },
  };
}
