import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  // A setting that cannot work (e.g. an inaccessible BRAND_COLOR): say which and why, and do not start.
  console.error(`Configuration refusée : ${(error as Error).message}`);
  process.exit(1);
}
const app = await createApp(config);
await app.listen(config.port, config.host);
new Logger('Carnet').log(
  `Carnet de projets sur http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} ` +
    `(journal : ${config.eventStore.engine}, lectures : ${config.readStore.engine}, données : ${config.dataDir})`,
);
