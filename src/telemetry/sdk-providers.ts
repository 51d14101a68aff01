import { hostname } from 'node:os';
import {
  context,
  metrics,
  trace,
  type MeterProvider as ApiMeterProvider,
  type TracerProvider,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Log } from '../log';
import type { TelemetryConfig } from './telemetry';

// This module is the only one that imports the OpenTelemetry SDK; src/telemetry/telemetry.ts requires it
// only when an exporter is configured.

/** A tracer and a meter provider, registered as the process's own, with what flushes and stops them. */
export interface TelemetryProviders {
  tracerProvider: TracerProvider;
  meterProvider: ApiMeterProvider;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** How often metrics are exported: Azure Monitor's and most backends' one-minute grain. */
const METRIC_INTERVAL_MS = 60_000;

/**
 * Providers that hand spans to `spanProcessors` and metrics to `metricReaders`, registered globally with an
 * AsyncLocalStorage context manager, so a span started in a turn is the parent of those its awaits start.
 */
export function registeredProviders(parts: {
  spanProcessors: SpanProcessor[];
  metricReaders: MetricReader[];
}): TelemetryProviders {
  const resource = resourceFromAttributes({
    'service.name': 'plandesk',
    'service.instance.id': `${hostname()}:${process.pid}`,
  });
  const tracerProvider = new BasicTracerProvider({ resource, spanProcessors: parts.spanProcessors });
  const meterProvider = new MeterProvider({ resource, readers: parts.metricReaders });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    tracerProvider,
    meterProvider,
    async flush() {
      await Promise.all([tracerProvider.forceFlush(), meterProvider.forceFlush()]);
    },
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
      trace.disable();
      metrics.disable();
      context.disable();
    },
  };
}

/** The exporters the configuration names: Azure Monitor (Application Insights) and/or OTLP over HTTP. */
export function exportingProviders(config: TelemetryConfig, log: Log): TelemetryProviders {
  const spanProcessors: SpanProcessor[] = [];
  const metricReaders: MetricReader[] = [];
  const everyMinute = (exporter: ConstructorParameters<typeof PeriodicExportingMetricReader>[0]['exporter']) =>
    new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: METRIC_INTERVAL_MS });
  if (config.azureMonitorConnectionString) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when Azure Monitor is the target */
    const azure =
      require('@azure/monitor-opentelemetry-exporter') as typeof import('@azure/monitor-opentelemetry-exporter');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const connectionString = config.azureMonitorConnectionString;
    spanProcessors.push(new BatchSpanProcessor(new azure.AzureMonitorTraceExporter({ connectionString })));
    metricReaders.push(everyMinute(new azure.AzureMonitorMetricExporter({ connectionString })));
  }
  if (config.otlpEndpoint) {
    // The base endpoint, as OTEL_EXPORTER_OTLP_ENDPOINT means it: each signal goes to its path under it.
    const base = config.otlpEndpoint.replace(/\/+$/, '');
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when an OTLP endpoint is the target */
    const traces =
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    const metricsOut =
      require('@opentelemetry/exporter-metrics-otlp-http') as typeof import('@opentelemetry/exporter-metrics-otlp-http');
    /* eslint-enable @typescript-eslint/no-require-imports */
    spanProcessors.push(new BatchSpanProcessor(new traces.OTLPTraceExporter({ url: `${base}/v1/traces` })));
    metricReaders.push(everyMinute(new metricsOut.OTLPMetricExporter({ url: `${base}/v1/metrics` })));
  }
  const providers = registeredProviders({ spanProcessors, metricReaders });
  log.debug('telemetry providers registered', {
    code: 'telemetry_providers',
    spanProcessors: spanProcessors.length,
    metricReaders: metricReaders.length,
  });
  return providers;
}
