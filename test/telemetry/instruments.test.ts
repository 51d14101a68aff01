import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { chargeMeter } from '../../src/store/cosmos/request-charges';
import { plandeskInstruments, resultOf, verbAttribute } from '../../src/telemetry/instruments';

const failure = { code: 'throttled', retryable: true } as never;

describe('PlanDesk instruments', () => {
  let exporter: InMemoryMetricExporter;
  let provider: MeterProvider;

  beforeEach(() => {
    // A shut-down exporter exports nothing more, so each test has its own.
    exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    provider = new MeterProvider({
      readers: [new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })],
    });
  });
  afterEach(async () => {
    await provider.shutdown();
  });

  const exported = async () => {
    await provider.forceFlush();
    const metrics =
      exporter
        .getMetrics()
        .at(-1)
        ?.scopeMetrics.flatMap((s) => s.metrics) ?? [];
    return Object.fromEntries(
      metrics.map((m) => [m.descriptor.name, m.dataPoints.map((p) => ({ attributes: p.attributes, value: p.value }))]),
    );
  };

  it('should count retries, dead letters, conversations refused for good and lost leases from delivery events', async () => {
    const instruments = plandeskInstruments(provider.getMeter('test'));
    instruments.delivered({ kind: 'retry', id: 'm1', attempt: 1, retryAt: new Date(), failure });
    instruments.delivered({ kind: 'retry', id: 'm1', attempt: 2, retryAt: new Date(), failure });
    instruments.delivered({ kind: 'dead', id: 'm1', attempts: 5, failure, opsTold: true });
    instruments.delivered({ kind: 'inactive', conversation: 'person:ana', reason: 'BotNotInConversationRoster' });
    instruments.delivered({ kind: 'lease_lost', id: 'm2' });

    const metrics = await exported();
    expect(metrics['plandesk.outbox.retries']).toEqual([{ attributes: {}, value: 2 }]);
    expect(metrics['plandesk.outbox.dead_letters']).toEqual([{ attributes: { ops_told: true }, value: 1 }]);
    expect(metrics['plandesk.conversations.inactive']).toEqual([
      { attributes: { reason: 'BotNotInConversationRoster' }, value: 1 },
    ]);
    expect(metrics['plandesk.outbox.leases_lost']).toEqual([{ attributes: {}, value: 1 }]);
  });

  it('should count the jobs a tick ran by kind, and its failures', async () => {
    const instruments = plandeskInstruments(provider.getMeter('test'));
    instruments.ticked({ ran: 3, failed: 1, byKind: { 'step.nudge': 2, 'plan.expire': 1 } }, 0.2);

    const metrics = await exported();
    expect(metrics['plandesk.jobs']).toEqual(
      expect.arrayContaining([
        { attributes: { kind: 'step.nudge', result: 'ran' }, value: 2 },
        { attributes: { kind: 'plan.expire', result: 'ran' }, value: 1 },
        { attributes: { kind: 'any', result: 'failed' }, value: 1 },
      ]),
    );
    expect(metrics['plandesk.tick.duration']?.[0]?.value).toMatchObject({ count: 1, sum: 0.2 });
  });

  it("should count the Cosmos DB store's request charges by operation, through the store's charge meter", async () => {
    const instruments = plandeskInstruments(provider.getMeter('test'));
    const meter = chargeMeter({ debug: () => undefined, charged: instruments.cosmosCharged });
    meter.record('outbox.claim', 2.5);
    meter.record('outbox.claim', 3);
    meter.record('applications.get', undefined);

    const metrics = await exported();
    expect(metrics['plandesk.cosmos.request_charge']).toEqual(
      expect.arrayContaining([
        { attributes: { operation: 'outbox.claim' }, value: 5.5 },
        { attributes: { operation: 'applications.get' }, value: 0 },
      ]),
    );
    expect(metrics['plandesk.cosmos.requests']).toEqual(
      expect.arrayContaining([{ attributes: { operation: 'outbox.claim' }, value: 2 }]),
    );
  });

  it('should group statuses into results and keep verbs that a request makes up out of the attributes', () => {
    expect([200, 202, 400, 401, 403, 413, 500].map(resultOf)).toEqual([
      'ok',
      'ok',
      'refused',
      'unauthenticated',
      'unauthenticated',
      'refused',
      'error',
    ]);
    expect(verbAttribute('step.decide')).toBe('step.decide');
    expect(verbAttribute('adaptiveCard/action')).toBe('adaptiveCard/action');
    expect(verbAttribute('x'.repeat(65))).toBe('other');
    expect(verbAttribute('<script>')).toBe('other');
    expect(verbAttribute(undefined)).toBe('other');
  });
});
