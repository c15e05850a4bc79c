import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
const app = await createApp(config);
await app.listen(config.port, config.host);
new Logger('Carnet').log(
  `Carnet de projets sur http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} ` +
    `(journal : ${config.eventStore.engine}, lectures : ${config.readStore.engine}, données : ${config.dataDir})`,
);
