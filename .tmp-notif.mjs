import { SqliteEventStore } from './libs/event-store/dist/index.js';
import { notificationFeedProjection } from './apps/api/dist/notifications/projections/notification-feed.projection.js';
import { projectHistoryProjection } from './apps/api/dist/projects/projections/project-history.projection.js';
import { applyEvent, keysOf } from './libs/read-store/dist/projection.js';
const events = new SqliteEventStore({ filename: '/tmp/pb/events.sqlite' });
const all = [];
for (let after = 0; ; ) { const page = await events.readAll({ after, maxCount: 5000 }); if (!page.length) break; all.push(...page); after = page.at(-1).position; }
for (const p of [notificationFeedProjection, projectHistoryProjection]) {
  for (let r = 0; r < 2; r++) {
    const t0 = performance.now();
    const docs = new Map();
    for (const e of all) for (const k of keysOf(p, e)) { const n = applyEvent(p, docs.get(k) ?? null, e, k); if (n !== undefined) docs.set(k, n); }
    const t1 = performance.now();
    let bytes = 0; for (const d of docs.values()) bytes += JSON.stringify(d).length;
    console.log(p.collection, 'evolve µs/event', ((t1 - t0) * 1000 / all.length).toFixed(2), 'stringify ms', (performance.now() - t1).toFixed(0), 'docs', docs.size, 'KB', bytes >> 10);
  }
}
await events.close();
