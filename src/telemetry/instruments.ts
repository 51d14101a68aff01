import { trace, ValueType, type Attributes, type Meter } from '@opentelemetry/api';
import type { DeliveryEvent } from '../app/delivery/deliver-outbox';
import type { TickReport } from '../app/scheduler/tick';

/** The outbox as a gauge reads it, at each metric export. */
export interface OutboxFigures {
  waiting: number;
  /** Seconds since the oldest waiting message was decided; 0 when none waits. */
  oldestWaitingSeconds: number;
  deadLast24h: number;
}

/** What PlanDesk measures, each recorded where it happens (the HTTP edge, the delivery pump, the tick, the store). */
export interface PlanDeskInstruments {
  /** A turn answered: by verb and result, and how long it took. */
  turnAnswered(verb: string, status: number, seconds: number): void;
  /** A delivery event: a retry, a dead letter, a conversation Teams refused for good, a lost lease. */
  delivered(event: DeliveryEvent): void;
  /** A tick: how long it took and the jobs it ran, by kind. */
  ticked(report: TickReport, seconds: number): void;
  /** One Cosmos DB request and the request units it cost; also an event on the span it was made in. */
  cosmosCharged(operation: string, requestCharge: number): void;
  /** Reads the outbox's figures when metrics are exported (never otherwise: a gauge is read on collection). */
  observeOutbox(read: () => Promise<OutboxFigures>): void;
}

// Seconds, from a fast answer to Teams' own 15 s limit on an invoke.
const LATENCY_BOUNDARIES = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

/** An HTTP status as a result a dashboard groups by. */
export function resultOf(status: number): 'ok' | 'unauthenticated' | 'refused' | 'error' {
  if (status < 400) return 'ok';
  if (status === 401 || status === 403) return 'unauthenticated';
  return status < 500 ? 'refused' : 'error';
}

/** A verb as an attribute: what a request says is bounded here, so no caller can grow the metric's series at will. */
export const verbAttribute = (verb: string | undefined): string =>
  verb && /^[\w./:-]{1,64}$/.test(verb) ? verb : 'other';

/** PlanDesk's instruments on a meter (names under `plandesk.`, durations in seconds). */
export function plandeskInstruments(meter: Meter): PlanDeskInstruments {
  const invokes = meter.createCounter('plandesk.invokes', { description: 'Activities answered, by verb and result' });
  const invokeDuration = meter.createHistogram('plandesk.invoke.duration', {
    description: 'Time to answer an activity, by verb and result',
    unit: 's',
    advice: { explicitBucketBoundaries: LATENCY_BOUNDARIES },
  });
  const retries = meter.createCounter('plandesk.outbox.retries', { description: 'Outbox sends that will be retried' });
  const deadLetters = meter.createCounter('plandesk.outbox.dead_letters', {
    description: 'Outbox messages given up on',
  });
  const leasesLost = meter.createCounter('plandesk.outbox.leases_lost', {
    description: 'Outbox leases lost before the outcome was recorded',
  });
  const inactive = meter.createCounter('plandesk.conversations.inactive', {
    description: 'Conversations Teams refused for good, by reason',
  });
  const tickDuration = meter.createHistogram('plandesk.tick.duration', {
    description: 'Time to run the due jobs',
    unit: 's',
    advice: { explicitBucketBoundaries: LATENCY_BOUNDARIES },
  });
  const jobs = meter.createCounter('plandesk.jobs', { description: 'Jobs run by the scheduler, by kind and result' });
  const charge = meter.createCounter('plandesk.cosmos.request_charge', {
    description: 'Cosmos DB request units spent, by store operation',
    unit: '{RU}',
    valueType: ValueType.DOUBLE,
  });
  const requests = meter.createCounter('plandesk.cosmos.requests', {
    description: 'Cosmos DB requests, by store operation',
  });
  const backlog = meter.createObservableGauge('plandesk.outbox.backlog', {
    description: 'Outbox messages waiting to be delivered',
  });
  const oldest = meter.createObservableGauge('plandesk.outbox.oldest_waiting_age', {
    description: 'Age of the oldest outbox message waiting to be delivered',
    unit: 's',
  });
  const deadRecent = meter.createObservableGauge('plandesk.outbox.dead_letters_24h', {
    description: 'Outbox messages given up on in the last 24 hours',
  });

  return {
    turnAnswered(verb, status, seconds) {
      const attributes: Attributes = { verb: verbAttribute(verb), result: resultOf(status), status };
      invokes.add(1, attributes);
      invokeDuration.record(seconds, attributes);
    },
    delivered(event) {
      if (event.kind === 'retry') retries.add(1);
      else if (event.kind === 'dead') deadLetters.add(1, { ops_told: event.opsTold });
      else if (event.kind === 'inactive') inactive.add(1, { reason: verbAttribute(event.reason) });
      else leasesLost.add(1);
    },
    ticked(report, seconds) {
      tickDuration.record(seconds);
      for (const [kind, ran] of Object.entries(report.byKind)) jobs.add(ran ?? 0, { kind, result: 'ran' });
      if (report.failed > 0) jobs.add(report.failed, { kind: 'any', result: 'failed' });
    },
    cosmosCharged(operation, requestCharge) {
      charge.add(requestCharge, { operation });
      requests.add(1, { operation });
      trace.getActiveSpan()?.addEvent('cosmos request', { operation, 'db.cosmosdb.request_charge': requestCharge });
    },
    observeOutbox(read) {
      meter.addBatchObservableCallback(
        async (result) => {
          const figures = await read();
          result.observe(backlog, figures.waiting);
          result.observe(oldest, figures.oldestWaitingSeconds);
          result.observe(deadRecent, figures.deadLast24h);
        },
        [backlog, oldest, deadRecent],
      );
    },
  };
}
