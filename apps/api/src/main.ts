import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { runPrimary, tellPrimaryReady } from './workers.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  // A setting that cannot work (e.g. an inaccessible BRAND_COLOR): say which and why, and do not start.
  console.error(`Configuration refusée : ${(error as Error).message}`);
  process.exit(1);
}

if (config.instances.workers > 1 && cluster.isPrimary) {
  // WORKERS=n: this process only starts and watches n HTTP processes sharing the port (ADR 0024).
  runPrimary(config);
} else if (config.instances.processRole === 'projections') {
  // The projections process of WORKERS mode: no HTTP; it holds the projections' lease, records the
  // anchors and sends the notification e-mails, off the HTTP processes' event loops (ADR 0024).
  await createApp(config);
  new Logger('Carnet').log(`Processus des projections prêt (instance : ${config.instances.instanceId})`);
  tellPrimaryReady();
} else {
  const own = config;
  const app = await createApp(own);
  await app.listen(own.port, own.host);
  new Logger('Carnet').log(
    `Carnet de projets sur http://${own.host === '0.0.0.0' ? 'localhost' : own.host}:${own.port} ` +
      `(journal : ${own.eventStore.engine}, lectures : ${own.readStore.engine}, données : ${own.dataDir}, instance : ${own.instances.instanceId})`,
  );
  tellPrimaryReady();
}
