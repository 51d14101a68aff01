import type { Server as HttpServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { loadConfig } from '../../src/config';
import { createApp, type PlanDeskApp } from '../../src/create-app';
import { createJsonLog } from '../../src/log';
import { registeredProviders } from '../../src/telemetry/sdk-providers';
import { telemetryOver, type Telemetry } from '../../src/telemetry/telemetry';
import { startConnector, teamsMessage, type ConnectorCall } from '../support/bot-connector';

const clock = { now: () => new Date('2026-11-20T10:00:00+08:00') };

describe('telemetry of a real turn through the HTTP server, exported to in-memory exporters', () => {
  const spans = new InMemorySpanExporter();
  const metricsOut = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const calls: ConnectorCall[] = [];
  let telemetry: Telemetry;
  let connector: { server: HttpServer; url: string };
  let app: PlanDeskApp;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-otel-'));
    connector = await startConnector(calls);
    telemetry = telemetryOver(
      registeredProviders({
        spanProcessors: [new SimpleSpanProcessor(spans)],
        // Exported when the test flushes, not on a timer.
        metricReaders: [new PeriodicExportingMetricReader({ exporter: metricsOut, exportIntervalMillis: 3_600_000 })],
      }),
    );
    const config = loadConfig({
      PORT: '0',
      PLANDESK_DB: join(dir, 'plandesk.db'),
      PLANDESK_SAMPLES: join(__dirname, '../../config/samples'),
    });
    app = await createApp(config, { clock, log: createJsonLog('silent'), telemetry });
    base = `http://127.0.0.1:${await app.start()}`;

    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage(connector.url, '待办')),
    });
    expect(res.status).toBe(200);
    await app.tick();
    await app.deliveriesSettled();
    await telemetry.flush();
  });

  afterAll(async () => {
    await app.stop();
    await telemetry.shutdown();
    await new Promise((resolve) => connector.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const named = (name: string | RegExp): ReadableSpan[] =>
    spans.getFinishedSpans().filter((s) => (typeof name === 'string' ? s.name === name : name.test(s.name)));
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
  const metric = (name: string): MetricData | undefined =>
    metricsOut
      .getMetrics()
      .at(-1)
      ?.scopeMetrics.flatMap((s) => s.metrics)
      .find((m) => m.descriptor.name === name);

  it('should trace the turn as a server span with its verb and status', () => {
    const [turn] = named('POST /api/messages');
    expect(turn?.kind).toBe(SpanKind.SERVER);
    expect(turn?.attributes).toMatchObject({
      'plandesk.verb': 'message',
      'plandesk.activity_id': 'msg-1',
      'http.response.status_code': 200,
    });
    expect(parentOf(turn as ReadableSpan)).toBeUndefined();
  });

  it('should trace the use case, its store calls and the reply to the Bot Connector inside the turn', () => {
    const [turn] = named('POST /api/messages');
    const traceId = turn?.spanContext().traceId;
    const inTurn = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const useCase = inTurn.find((s) => s.name.startsWith('usecase.'));
    expect(useCase).toBeDefined();
    const storeCalls = inTurn.filter((s) => s.name.startsWith('store.'));
    expect(storeCalls.length).toBeGreaterThan(0);
    expect(storeCalls[0]?.attributes['db.system.name']).toBe('sqlite');
    // A store call made by the use case is its child.
    expect(storeCalls.some((s) => parentOf(s) === useCase?.spanContext().spanId)).toBe(true);
    const reply = inTurn.find((s) => s.name === 'connector sendActivities');
    expect(reply?.kind).toBe(SpanKind.CLIENT);
    expect(calls.length).toBeGreaterThan(0);
  });

  it('should trace the tick as a span of its own', () => {
    const [tick] = named('tick');
    expect(tick).toBeDefined();
    expect(parentOf(tick as ReadableSpan)).toBeUndefined();
  });

  it('should count the invoke by verb and result and record its latency', () => {
    const invokes = metric('plandesk.invokes');
    expect(invokes?.dataPoints).toEqual([
      expect.objectContaining({ attributes: { verb: 'message', result: 'ok', status: 200 }, value: 1 }),
    ]);
    const latency = metric('plandesk.invoke.duration');
    expect(latency?.descriptor.unit).toBe('s');
    expect(latency?.dataPoints[0]?.value).toMatchObject({ count: 1 });
  });

  it('should record the tick duration and read the outbox gauges from the store at export', () => {
    expect(metric('plandesk.tick.duration')?.dataPoints[0]?.value).toMatchObject({ count: 1 });
    expect(metric('plandesk.outbox.backlog')?.dataPoints[0]?.value).toEqual(expect.any(Number));
    expect(metric('plandesk.outbox.oldest_waiting_age')?.descriptor.unit).toBe('s');
    expect(metric('plandesk.outbox.dead_letters_24h')?.dataPoints[0]?.value).toBe(0);
  });
});
