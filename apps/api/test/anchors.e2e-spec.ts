import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ANCHOR_STREAM, verifyLog, type EventStore } from '@carnet/event-store';
import { AnchorScheduler } from '../src/infrastructure/anchor-scheduler.js';
import { EVENT_STORE } from '../src/infrastructure/tokens.js';
import { startApp } from './harness.js';

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
});
