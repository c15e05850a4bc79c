import { createServer, get } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@carnet/event-store';
import type { ProjectionRunner } from '@carnet/read-store';
import { communeOutlines, communeCentroid } from '../shared/geo/commune-outlines.js';

/*
 * `npm run bench` (j), issue #10: the in-app map's data endpoint with 10,000 projects, as a
 * Département agent sees it (every project), next to a bare node:http server sending the same bytes.
 */

export interface MapBenchLoad {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

export interface MapBenchContext {
  port: number;
  events: EventStore;
  runner: ProjectionRunner;
  /** Cookie header of a logged-in agent. */
  agent: Record<string, string>;
  /** GET load on a URL with headers, from a worker thread. */
  load: (url: string, seconds: number, headers?: Record<string, string>) => Promise<MapBenchLoad>;
  rounds: number;
  seconds: number;
}

export interface MapBenchResult {
  projects: number;
  /** The JSON's size, and what is sent to a client that accepts gzip (the browsers and this load). */
  bytes: number;
  gzipBytes: number;
  rps: number;
  p99: number;
  bareRps: number;
  bareP99: number;
  ratio: number;
  errors: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
};
const median = (values: number[]) => percentile(values, 50);

/** Adds `count` projects spread over the communes (one in three with a precise point at its commune's centroid). */
async function addProjects(events: EventStore, count: number): Promise<number> {
  const codes = [...communeOutlines().keys()];
  const at = new Date().toISOString();
  const metadata = () => ({ actorId: 'persona-agent-amenagement', actorRole: 'departement_agent', actorCommune: null, correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID(), recordedAt: at });
  let position = 0;
  for (let i = 0; i < count; i++) {
    const projectId = randomUUID();
    const codeInsee = codes[i % codes.length];
    const batch: NewEvent[] = [
      { id: randomUUID(), type: 'ProjectCreated', schemaVersion: 1, data: { projectId, codeInsee, title: `Projet cartographié ${i}`, description: '', theme: 'voirie', estimatedCostHt: null }, metadata: metadata() },
    ];
    const centroid = communeCentroid(codeInsee);
    if (i % 3 === 0 && centroid) {
      batch.push({ id: randomUUID(), type: 'ProjectLocated', schemaVersion: 1, data: { projectId, location: { longitude: centroid[0], latitude: centroid[1] } }, metadata: metadata() });
    }
    position = (await events.appendToStream(`project-${projectId}`, batch, 'no_stream')).position;
  }
  return position;
}

/** A GET whose body is kept as sent (no decompression). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

export async function benchMap(ctx: MapBenchContext): Promise<MapBenchResult> {
  const position = await addProjects(ctx.events, 10_000);
  await ctx.runner.waitForPosition(position, 300_000);
  const path = '/api/map/projects';
  const url = `http://127.0.0.1:${ctx.port}${path}`;
  const sample = await fetch(url, { headers: ctx.agent });
  if (sample.status !== 200) throw new Error(`map data answered ${sample.status}`);
  const bytes = Buffer.from(await sample.arrayBuffer());
  const projects = (JSON.parse(bytes.toString('utf8')) as { features: unknown[] }).features.length;
  // The load (fetch) accepts gzip as browsers do: the bare server sends the very bytes the API sends then.
  const sent = await rawGet(url, { ...ctx.agent, 'Accept-Encoding': 'gzip, deflate' });
  if (sent.headers['content-encoding'] !== 'gzip') throw new Error('map data not gzipped');
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/geo+json; charset=utf-8', 'Content-Encoding': 'gzip', 'Content-Length': sent.body.length, 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding, Cookie' });
    res.end(sent.body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const barePort = (bare.address() as { port: number }).port;
  const runs: MapBenchLoad[] = [];
  const bareRuns: MapBenchLoad[] = [];
  // Rounds alternate the two sides so that a noisy moment hits both.
  for (let round = 0; round < ctx.rounds; round++) {
    runs.push(await ctx.load(url, ctx.seconds, ctx.agent));
    bareRuns.push(await ctx.load(`http://127.0.0.1:${barePort}${path}`, ctx.seconds, ctx.agent));
  }
  await new Promise((resolve) => bare.close(resolve));
  const rps = median(runs.map((r) => r.requests / r.seconds));
  const bareRps = median(bareRuns.map((r) => r.requests / r.seconds));
  return {
    projects,
    bytes: bytes.length,
    gzipBytes: sent.body.length,
    rps,
    p99: percentile(runs.flatMap((r) => r.latencies), 99),
    bareRps,
    bareP99: percentile(bareRuns.flatMap((r) => r.latencies), 99),
    ratio: rps / bareRps,
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}
