import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, connect, type Server, type Socket } from 'node:net';
import request from 'supertest';
import { startApp } from './harness.js';

/**
 * A TCP relay between the app and the MongoDB-wire server: closing it is the read-model engine
 * going down for the app (connections cut, nothing listening), opening it again is the engine
 * coming back on the same address. Only with MONGO_URL (`npm run test:mongo`).
 */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly target: number,
  ) {}

  async open(): Promise<void> {
    if (this.server) return;
    this.server = createServer((client) => {
      const upstream = connect(this.target, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

const mongoUrl = process.env.MONGO_URL;
if (!mongoUrl) console.info('Readiness outage test skipped: it cuts the MongoDB-wire server off; set MONGO_URL (npm run test:mongo).');

(mongoUrl ? describe : describe.skip)('Readiness when the read-model engine goes down and comes back', () => {
  let relay: Relay;
  let t: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    const url = new URL(mongoUrl!);
    relay = new Relay(url.hostname, Number(url.port || 27017));
    await relay.open();
    url.host = `127.0.0.1:${relay.port}`;
    const base = await startApp({}, {});
    const readStore = { engine: 'mongodb' as const, url: url.toString(), dbName: (base.config.readStore as { dbName: string }).dbName };
    await base.close();
    t = await startApp({ readStore });
  });
  afterAll(async () => {
    await relay.open();
    await t.close();
    await relay.close();
  });

  it('answers 503 naming the read store while it is down, then 200 once it is back', async () => {
    await request(t.http).get('/api/health/ready').expect(200);
    await relay.close();
    const down = await request(t.http).get('/api/health/ready').expect(503);
    expect(down.body.down).toEqual(expect.arrayContaining(['readStore']));
    expect(down.body.down).not.toContain('eventStore');
    expect(down.body.detail).toContain('les lectures (read models) (readStore)');
    await request(t.http).get('/api/health/live').expect(200);

    await relay.open();
    // The driver reconnects on its own: readiness follows (a bound for a failure, not a measure).
    let status = 0;
    for (let i = 0; i < 120 && status !== 200; i++) {
      status = (await request(t.http).get('/api/health/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
  });

  it('starts once the engine comes up, instead of exiting, when it is down at start', async () => {
    const url = new URL(mongoUrl!);
    const late = new Relay(url.hostname, Number(url.port || 27017));
    await late.open();
    const port = late.port;
    await late.close();
    url.host = `127.0.0.1:${port}`;
    const readStore = { engine: 'mongodb' as const, url: url.toString(), dbName: `carnet_e2e_late_${port}` };
    const opening = new Promise<void>((resolve) => setTimeout(() => void late.open().then(resolve), 1500));
    const app = await startApp({ readStore });
    try {
      await opening;
      await request(app.http).get('/api/health/ready').expect(200);
    } finally {
      await app.close();
      await late.close();
    }
  });
});
