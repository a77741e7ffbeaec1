import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { startTelemetry } from './telemetry';

/** Wiring only: config -> store -> app -> server. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Reflect cannot start: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel, { service: 'reflect' });
  // Telemetry first, then the service's modules (HTTP, restify, the Cosmos SDK), so they are instrumented.
  const telemetry = await startTelemetry(config.telemetry, log);
  const { startApp } = await import('./app');
  const app = await startApp(config, { log });
  const shutdown = (signal: string): void => {
    log.info('shutting down', { signal });
    app
      .stop()
      .then(() => telemetry.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown failed', { error });
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Reflect failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
