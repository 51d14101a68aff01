import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { deliverOutbox, deliveryWorker, type DeliveryEvent, type Messenger } from './app/delivery/deliver-outbox';
import type { ApprovalDeps } from './app/common/deps';
import type { DeliveryPolicy } from './app/delivery/delivery-policy';
import type { Log } from './log';
import type { Telemetry } from './telemetry/telemetry';
import { inSpan } from './telemetry/traced';
import { outsideTurn } from './telemetry/turn-context';

export interface OutboxPumpOptions {
  policy?: Partial<DeliveryPolicy>;
  /** This process's name in the outbox's leases; unique per process by default. */
  owner?: string;
  /** Each run as a span of its own, and the delivery events as metrics, when telemetry is exported. */
  telemetry?: Pick<Telemetry, 'tracer' | 'instruments'>;
}

// A wake-up further off than this is left to the regular beat (and to turns), which come sooner.
const LONGEST_WAKE_MS = 60_000;

function logEvent(log: Log, event: DeliveryEvent): void {
  switch (event.kind) {
    case 'retry':
      log.info('outbox message will be retried', {
        code: 'outbox_retry',
        id: event.id,
        attempt: event.attempt,
        retryAt: event.retryAt.toISOString(),
        failure: event.failure,
      });
      return;
    case 'dead':
      // A dead letter ops was not told of (a notice to ops that failed itself) is only in this log.
      (event.opsTold ? log.warn : log.error)('outbox message dead-lettered', {
        code: 'outbox_dead',
        id: event.id,
        attempts: event.attempts,
        failure: event.failure,
        opsTold: event.opsTold,
      });
      return;
    case 'inactive':
      log.warn('conversation marked inactive', {
        code: 'conversation_inactive',
        conversation: event.conversation,
        reason: event.reason,
      });
      return;
    case 'lease_lost':
      log.warn('outbox lease lost before the outcome was recorded', { code: 'outbox_lease_lost', id: event.id });
      return;
    case 'pace_unrecorded':
      log.warn(
        "a send's end was not written to the conversation's shared pace; its slot stays taken until its deadline",
        {
          code: 'pace_unrecorded',
          conversation: event.conversation,
          detail: event.detail,
        },
      );
      return;
  }
}

/**
 * Runs outbox delivery after a turn has answered, one run at a time: a request that comes in while a
 * run is going makes one more run afterwards, so nothing decided is left waiting for the next turn.
 * When a retry or a quiet-hours hold falls due before the next beat, it wakes itself for it.
 */
export function outboxPump(deps: ApprovalDeps, messenger: () => Messenger, log: Log, options: OutboxPumpOptions = {}) {
  const { telemetry } = options;
  const worker = deliveryWorker({
    owner: options.owner ?? `${hostname()}:${process.pid}:${randomUUID()}`,
    ...(options.policy ? { policy: options.policy } : {}),
    onEvent: (event) => {
      logEvent(log, event);
      telemetry?.instruments.delivered(event);
    },
  });
  const deliver = () => deliverOutbox({ ...deps, messenger: messenger(), worker });
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let wake: NodeJS.Timeout | null = null;

  const scheduleWake = (nextDue: Date | null): void => {
    const now = deps.clock.now();
    if (wake) clearTimeout(wake);
    wake = null;
    const inMs = nextDue ? nextDue.getTime() - now.getTime() : Infinity;
    if (stopped || inMs > LONGEST_WAKE_MS) return;
    wake = setTimeout(() => void pump.kick(), Math.max(inMs, 50));
    wake.unref();
  };

  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        // A run delivers every turn's messages: its span is no turn's child.
        const report = await (telemetry
          ? inSpan(telemetry.tracer, 'outbox deliver', { root: true }, deliver)
          : deliver());
        if (report.sent > 0 || report.waiting > 0)
          log.debug('outbox delivered', { code: 'outbox_delivered', sent: report.sent, waiting: report.waiting });
        scheduleWake(report.nextDue);
      } catch (error) {
        log.error('outbox delivery failed', { code: 'outbox_failed', error });
      }
    } while (again && !stopped);
  };

  const pump = {
    /** Ask for a delivery soon; returns the run, which tests may await. */
    kick(): Promise<void> {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      // A run delivers every turn's messages, so its log lines are no one turn's.
      running = outsideTurn(() =>
        new Promise<void>((resolve) => setImmediate(resolve)).then(run).finally(() => {
          running = null;
        }),
      );
      return running;
    },
    /** Resolves when no delivery is running. */
    async idle(): Promise<void> {
      while (running) await running;
    },
    /** No more runs (a run under way finishes); for shutting down before the store closes. */
    async stop(): Promise<void> {
      stopped = true;
      if (wake) clearTimeout(wake);
      await pump.idle();
    },
  };
  return pump;
}
