import { execFileSync } from 'node:child_process';
import { ConfigError, loadConfig } from '../../bot/src/config';
import { silentLogger } from '../../bot/src/log';
import { startTelemetry } from '../../bot/src/telemetry';

const CONNECTION = 'InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;LiveEndpoint=https://uksouth.livediagnostics.monitor.azure.com/';

describe('APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
  it('is optional: unset, no telemetry', () => {
    expect(loadConfig({}).telemetry).toBeUndefined();
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: '  ' }).telemetry).toBeUndefined();
  });

  it('takes a connection string with an instrumentation key or an ingestion endpoint', () => {
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION }).telemetry).toEqual({ connectionString: CONNECTION });
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/' }).telemetry).toBeDefined();
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'instrumentationkey=abc' }).telemetry).toBeDefined();
  });

  it.each(['not a connection string', 'https://uksouth-1.in.applicationinsights.azure.com/', 'InstrumentationKey=', 'Endpoint=x;Key=InstrumentationKey'])('refuses %j, naming the variable without echoing the value', (value) => {
    let error: unknown;
    try {
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^APPLICATIONINSIGHTS_CONNECTION_STRING is not an Application Insights connection string: /);
    expect((error as Error).message).not.toContain(`"${value}"`);
  });
});

describe('startTelemetry', () => {
  it('does nothing, and loads nothing, without a connection string', async () => {
    const load = jest.fn();
    const telemetry = await startTelemetry(undefined, silentLogger, load);
    expect(telemetry.enabled).toBe(false);
    expect(load).not.toHaveBeenCalled();
    await telemetry.shutdown();
  });

  it('starts Azure Monitor with the connection string, skips health probes, and flushes on shutdown', async () => {
    const useAzureMonitor = jest.fn();
    const shutdownAzureMonitor = jest.fn().mockResolvedValue(undefined);
    const telemetry = await startTelemetry({ connectionString: CONNECTION }, silentLogger, async () => ({ useAzureMonitor, shutdownAzureMonitor }));
    expect(telemetry.enabled).toBe(true);
    expect(useAzureMonitor).toHaveBeenCalledTimes(1);
    const options = useAzureMonitor.mock.calls[0][0];
    expect(options.azureMonitorExporterOptions).toEqual({ connectionString: CONNECTION });
    const ignore = options.instrumentationOptions.http.ignoreIncomingRequestHook as (r: { url?: string }) => boolean;
    expect(ignore({ url: '/healthz' })).toBe(true);
    expect(ignore({ url: '/readyz?x=1' })).toBe(true);
    expect(ignore({ url: '/api/messages' })).toBe(false);
    await telemetry.shutdown();
    expect(shutdownAzureMonitor).toHaveBeenCalledTimes(1);
  });

  it('the real package loads and exports what it uses', () => {
    // In a child process: loading it hooks Node's http module, which would leak into other tests in this worker.
    const out = execFileSync(process.execPath, ['-e', "const m = require('@azure/monitor-opentelemetry'); console.log(typeof m.useAzureMonitor, typeof m.shutdownAzureMonitor)"], { encoding: 'utf8' });
    expect(out.trim()).toBe('function function');
  });
});

describe('telemetry shutdown', () => {
  it('gives up flushing after the time limit', async () => {
    const never = new Promise<void>(() => undefined);
    const telemetry = await startTelemetry({ connectionString: CONNECTION }, silentLogger, async () => ({ useAzureMonitor: jest.fn(), shutdownAzureMonitor: () => never }), 50);
    const started = Date.now();
    await telemetry.shutdown();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
