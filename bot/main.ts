import { ConfigurationError } from '../src/domain/configuration-error.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';

/** Process entry point: configuration, the app, listening, and a graceful stop. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }

  const logger = createLogger(config.logLevel);
  let app;
  try {
    app = await createApp(config, logger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, message);
    // Also readable on the console whatever LOG_LEVEL says: the server did not start.
    console.error(`${error instanceof ConfigurationError ? 'Configuration error' : 'Start failed'}: ${message}`);
    process.exit(1);
  }

  app.server.once('error', (error: Error) => {
    logger.fatal({ err: error }, 'cannot listen');
    console.error(`Start failed: cannot listen on ${config.host}:${config.port}: ${error.message}`);
    void app.stop().finally(() => process.exit(1));
  });
  app.server.listen(config.port, config.host, () => {
    logger.info({ url: app.server.url, demo: config.demo, publicUrl: config.publicUrl }, 'listening');
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    app.server.close(() => {
      void app.stop().finally(() => process.exit(0));
    });
    // Keep-alive connections can hold close() open; do not hang a deployment.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

await main();
