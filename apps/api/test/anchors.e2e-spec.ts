import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ANCHOR_STREAM, verifyLog, type EventStore } from '@carnet/event-store';
import type { AnchorStatus } from '@carnet/contracts';
import { AnchorScheduler } from '../src/infrastructure/anchor-scheduler.js';
import type { SettableClock } from '../src/infrastructure/settable-clock.js';
import { CLOCK, EVENT_STORE } from '../src/infrastructure/tokens.js';
import { AUDITEUR, MAIRE_ABLEIGES, newProject, startApp } from './harness.js';

describe('Audit anchors recorded by the application', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('when the interval elapses', () => {
    it('records one anchor over the heads of every stream, and none again while the log has not grown', async () => {
      const events = t.app.get<EventStore>(EVENT_STORE);
      const scheduler = t.app.get(AnchorScheduler);
      await scheduler.tick();
      await scheduler.tick();
      const anchors = await events.readStream(ANCHOR_STREAM);
      expect(anchors).toHaveLength(1);
      expect(anchors[0].type).toBe('AnchorRecorded');
      const report = await verifyLog(events);
      expect(report).toMatchObject({ ok: true, anchors: { checked: 1, failed: 0 } });
    });
  });

  describe('the latest anchor in the audit area', () => {
    it('shows its position, its age and the events appended since, to auditors', async () => {
      const auditor = await t.login(AUDITEUR);
      const before = (await auditor.get('/api/audit/anchors/latest').expect(200)).body as AnchorStatus;
      expect(before.latest).not.toBeNull();
      const maire = await t.login(MAIRE_ABLEIGES);
      await maire.post('/api/projects').send(newProject()).expect(201);
      const clock = t.app.get<SettableClock>(CLOCK);
      clock.set(new Date(Date.parse(before.latest!.recordedAt) + 3 * 60_000 + 5_000));
      try {
        const after = (await auditor.get('/api/audit/anchors/latest').expect(200)).body as AnchorStatus;
        expect(after.latest).toMatchObject({ position: before.latest!.position, eventsSince: 1, ageSeconds: 185 });
        expect(after.summary).toBe(`Dernière ancre il y a 3 minutes : elle scelle les ${before.latest!.position.toLocaleString('fr-FR')} premiers événements du journal (1 événement depuis, pas encore scellé).`);
      } finally {
        clock.set(null);
      }
      expect((await maire.get('/api/audit/anchors/latest')).status).toBe(403);
    });
  });
});

describe('Audit anchors at start-up and after N events or M minutes', () => {
  it('records one at start-up, sealing the demo, then one at each start when the log grew while the server was down', async () => {
    const anchored = (app: Awaited<ReturnType<typeof startApp>>) =>
      app.app.get<EventStore>(EVENT_STORE).readStream(ANCHOR_STREAM).then((list) => list.map((a) => (a.data as { position: number }).position));
    const first = await startApp({ anchors: { atStartup: true, everyEvents: 0, everyMinutes: 0 } });
    await first.app.get(AnchorScheduler).started();
    const demoHead = (await first.app.get<EventStore>(EVENT_STORE).headPosition()) - 1;
    expect(await anchored(first)).toEqual([demoHead]);
    const maire = await first.login(MAIRE_ABLEIGES);
    await maire.post('/api/projects').send(newProject()).expect(201);
    const head = await first.app.get<EventStore>(EVENT_STORE).headPosition();
    await first.close(false);

    const second = await startApp({ dataDir: first.dataDir, anchors: { atStartup: true, everyEvents: 0, everyMinutes: 0 } });
    await second.app.get(AnchorScheduler).started();
    expect(await anchored(second)).toEqual([demoHead, head]);
    await second.close(false);

    // Nothing happened while it was down: the last anchor still seals the whole log.
    const third = await startApp({ dataDir: first.dataDir, anchors: { atStartup: true, everyEvents: 0, everyMinutes: 0 } });
    await third.app.get(AnchorScheduler).started();
    expect(await anchored(third)).toEqual([demoHead, head]);
    await third.close();
  });

  it('records one after every N events, and after M minutes when the log grew', async () => {
    const t = await startApp({ anchors: { atStartup: false, everyEvents: 3, everyMinutes: 30 } });
    try {
      const events = t.app.get<EventStore>(EVENT_STORE);
      const scheduler = t.app.get(AnchorScheduler);
      const anchorCount = async () => (await events.readStream(ANCHOR_STREAM)).length;
      await scheduler.tickIfDue();
      expect(await anchorCount()).toBe(1);
      await scheduler.tickIfDue();
      expect(await anchorCount()).toBe(1);
      const maire = await t.login(MAIRE_ABLEIGES);
      const { id } = (await maire.post('/api/projects').send(newProject()).expect(201)).body;
      await maire.post(`/api/projects/${id}/messages`).send({ text: 'Un' }).expect(201);
      await scheduler.tickIfDue();
      expect(await anchorCount()).toBe(1);
      await maire.post(`/api/projects/${id}/messages`).send({ text: 'Deux' }).expect(201);
      await scheduler.tickIfDue();
      expect(await anchorCount()).toBe(2);

      await maire.post(`/api/projects/${id}/messages`).send({ text: 'Trois' }).expect(201);
      await scheduler.tickIfDue();
      expect(await anchorCount()).toBe(2);
      const clock = t.app.get<SettableClock>(CLOCK);
      clock.set(new Date(Date.now() + 31 * 60_000));
      try {
        await scheduler.tickIfDue();
      } finally {
        clock.set(null);
      }
      expect(await anchorCount()).toBe(3);
      expect(await verifyLog(events)).toMatchObject({ ok: true, anchors: { checked: 3, failed: 0 } });
    } finally {
      await t.close();
    }
  });
});
