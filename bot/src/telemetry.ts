import type { Config } from './config';
import type { Logger } from './log';

/**
 * Application Insights through OpenTelemetry (@azure/monitor-opentelemetry), on only when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set. Start it before the service's modules load (main.ts imports
 * app.ts after this), so incoming and outgoing HTTP and the Azure SDK calls (Cosmos, identity) are traced.
 * Requests carry paths and status codes, not bodies; our own logs stay on stdout (App Service collects them).
 */
export interface Telemetry {
  enabled: boolean;
  /** Flushes and stops the exporters (call on shutdown). */
  shutdown(): Promise<void>;
}

type AzureMonitor = Pick<typeof import('@azure/monitor-opentelemetry'), 'useAzureMonitor' | 'shutdownAzureMonitor'>;

/** Health probes arrive every minute from App Service on every instance: not worth a request record each. */
const PROBES = new Set(['/healthz', '/readyz']);

export async function startTelemetry(
  config: Config['telemetry'],
  log: Logger,
  load: () => Promise<AzureMonitor> = () => import('@azure/monitor-opentelemetry'),
  flushTimeoutMs = 3000,
): Promise<Telemetry> {
  if (!config) return { enabled: false, shutdown: async () => undefined };
  const monitor = await load();
  const http = {
    enabled: true,
    ignoreIncomingRequestHook: (request: { url?: string }) => PROBES.has((request.url ?? '').split('?')[0]!),
  };
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: config.connectionString },
    enableLiveMetrics: true,
    instrumentationOptions: {
      http,
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
  });
  log.info('telemetry: Application Insights on');
  return {
    enabled: true,
    shutdown: async () => {
      // Flush what is buffered, but never hold up a restart for long when ingestion cannot be reached.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), flushTimeoutMs).unref()));
      try {
        if ((await Promise.race([monitor.shutdownAzureMonitor(), timeout])) === 'timeout') log.warn('telemetry did not flush in time', { ms: flushTimeoutMs });
      } catch (error) {
        log.warn('telemetry did not flush', { error });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
