import { SqliteEventStore } from './libs/event-store/dist/index.js';
import { rebuildReadModels } from './libs/read-store/dist/index.js';
import { ALL_PROJECTIONS } from './apps/api/dist/infrastructure/projections.js';
import { openReadStore } from './apps/api/dist/infrastructure/engines.js';
import { loadConfig } from './apps/api/dist/config.js';
import { randomUUID } from 'node:crypto';
import { rmSync, mkdirSync } from 'node:fs';
rmSync('/tmp/pb', { recursive: true, force: true }); mkdirSync('/tmp/pb');
const events = new SqliteEventStore({ filename: '/tmp/pb/events.sqlite' });
const meta = () => ({ actorId: 'persona-maire-95002', actorRole: 'commune_mayor', actorCommune: '95002', correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID(), recordedAt: new Date().toISOString() });
for (let p = 0; p < 100; p++) {
  const projectId = randomUUID();
  const evs = [{ id: randomUUID(), type: 'ProjectCreated', schemaVersion: 1, data: { projectId, codeInsee: '95002', title: `Projet ${p}`, description: 'Généré', theme: 'voirie', estimatedCostHt: 50000 }, metadata: meta() }];
  for (let i = 1; i < 200; i++) evs.push({ id: randomUUID(), type: 'ProgressUpdated', schemaVersion: 1, data: { projectId, step: 'idee', progress: i % 100, comment: null }, metadata: meta() });
  await events.appendToStream(`project-${projectId}`, evs, 'no_stream');
}
const config = { ...loadConfig({ ...process.env, DATA_DIR: '/tmp/pb' }) };
const reads = await openReadStore(config);
let t0 = performance.now(); let n = 0;
for (let after = 0; ; ) { const page = await events.readAll({ after, maxCount: 2000 }); if (!page.length) break; n += page.length; after = page.at(-1).position; }
const raw = n / (performance.now() - t0) * 1000;
console.log('raw', raw | 0);
for (const p of ALL_PROJECTIONS) {
  t0 = performance.now();
  const r = await rebuildReadModels(events, reads, [p]);
  const rate = r.events / ((performance.now() - t0) / 1000);
  console.log(p.collection.padEnd(24), (rate | 0).toString().padStart(8), (rate / raw * 100).toFixed(1) + '%');
}
t0 = performance.now();
const r = await rebuildReadModels(events, reads, ALL_PROJECTIONS);
console.log('ALL', (r.events / ((performance.now() - t0) / 1000) / raw * 100).toFixed(1) + '%');
await reads.close(); await events.close();
