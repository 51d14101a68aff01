import { metrics, trace } from '@opentelemetry/api';
import { createJsonLog } from '../../src/log';
import { exportingProviders } from '../../src/telemetry/sdk-providers';

describe('the providers built for Azure Monitor', () => {
  it('should load the Azure Monitor exporter (the version that runs on Node 20), register while running and unregister on shutdown', async () => {
    // Nothing is ended, so nothing is sent: the ingestion endpoint is never called; nor is Microsoft's statsbeat
    // endpoint (the exporter's own usage reports, on a timer that outlives shutdown), which this variable turns off.
    process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = 'true';
    const providers = exportingProviders(
      {
        azureMonitorConnectionString:
          'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/',
      },
      createJsonLog('silent'),
    );
    try {
      expect(trace.getTracer('x').startSpan('probe').isRecording()).toBe(true);
      expect(metrics.getMeterProvider()).toBe(providers.meterProvider);
    } finally {
      await providers.shutdown();
      delete process.env.APPLICATION_INSIGHTS_NO_STATSBEAT;
    }
    expect(trace.getTracer('x').startSpan('after').isRecording()).toBe(false);
    expect(metrics.getMeterProvider()).not.toBe(providers.meterProvider);
  });
});
