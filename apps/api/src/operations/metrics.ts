import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SqliteEventStore, type EventStore } from '@carnet/event-store';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { ProjectionStatus } from './projection-status.js';

/** What became of a command: appended, refused on a concurrent edit (409), refused by a rule or an access check, or failed. */
export type CommandOutcome = 'accepted' | 'conflict' | 'refused' | 'failed';

/** Written by `npm run projections:rebuild` next to the data, read at each scrape (ADR 0022). */
export const REBUILD_PROGRESS_FILE = 'rebuild-progress.json';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The Prometheus metrics of one application instance, in its own registry (tests start several
 * apps in one process). Counters and histograms are fed where things happen; gauges of the
 * projections and of a rebuild are read at scrape time.
 */
@Injectable()
export class Metrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly registry = new Registry();
  private readonly httpRequests = new Counter({ name: 'carnet_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  private readonly httpDuration = new Histogram({ name: 'carnet_http_request_duration_seconds', help: 'HTTP request latency', labelNames: ['method', 'route', 'status'], buckets: SECONDS, registers: [this.registry] });
  private readonly commands = new Counter({ name: 'carnet_commands_total', help: 'Commands by type and outcome (accepted, conflict, refused, failed)', labelNames: ['command', 'outcome'], registers: [this.registry] });
  private readonly commandDuration = new Histogram({ name: 'carnet_command_duration_seconds', help: 'Command latency (read stream, decide, append) by type and outcome', labelNames: ['command', 'outcome'], buckets: SECONDS, registers: [this.registry] });
  private readonly appendDuration = new Histogram({ name: 'carnet_event_store_append_duration_seconds', help: 'Time for an append to be durable, any engine', buckets: SECONDS, registers: [this.registry] });
  private readonly appendedEvents = new Counter({ name: 'carnet_event_store_appends_total', help: 'Appends that wrote events', registers: [this.registry] });
  private readonly commitBatch = new Histogram({ name: 'carnet_event_store_group_commit_appends', help: 'Appends sharing one SQLite group commit', buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256], registers: [this.registry] });
  private readonly commitDuration = new Histogram({ name: 'carnet_event_store_commit_duration_seconds', help: 'SQLite group commit time, fsync included', buckets: SECONDS, registers: [this.registry] });
  private readonly head = new Gauge({ name: 'carnet_event_store_head_position', help: 'Position of the last event in the log', registers: [this.registry] });
  private readonly projectionPosition = new Gauge({ name: 'carnet_projection_position', help: 'Last log position a projection reflects', labelNames: ['projection'], registers: [this.registry] });
  private readonly projectionLag = new Gauge({ name: 'carnet_projection_lag_events', help: 'Events of the log a projection has not applied yet', labelNames: ['projection'], registers: [this.registry] });
  private readonly projectionLagSeconds = new Gauge({ name: 'carnet_projection_lag_seconds', help: 'Age of the oldest event a projection has not applied yet', labelNames: ['projection'], registers: [this.registry] });
  private readonly projectionStopped = new Gauge({ name: 'carnet_projection_stopped', help: '1 when a projection stopped on a poison event (see /api/admin/projections)', labelNames: ['projection'], registers: [this.registry] });
  private readonly leaseHeld = new Gauge({
    name: 'carnet_projection_lease_held',
    help: '1 when this instance runs the projections (holds their lease, or runs alone), 0 when it stands by (ADR 0024)',
    labelNames: ['instance'],
    registers: [this.registry],
  });
  private readonly leaseHolder = new Gauge({
    name: 'carnet_projection_lease_info',
    help: 'The projections lease as stored: 1 for its holder and term, with its seconds left in carnet_projection_lease_seconds_left',
    labelNames: ['holder', 'term'],
    registers: [this.registry],
  });
  private readonly leaseLeft = new Gauge({ name: 'carnet_projection_lease_seconds_left', help: 'Seconds before the projections lease expires unless renewed', registers: [this.registry] });
  private readonly rebuildPosition = new Gauge({ name: 'carnet_rebuild_position', help: 'Position reached by the rebuild under way (npm run projections:rebuild)', labelNames: ['generation'], registers: [this.registry] });
  private readonly rebuildHead = new Gauge({ name: 'carnet_rebuild_head_position', help: 'Head of the log the rebuild under way is heading for', labelNames: ['generation'], registers: [this.registry] });
  private readonly rebuildRatio = new Gauge({ name: 'carnet_rebuild_progress_ratio', help: 'Share of the log the rebuild under way has replayed (1 when done)', labelNames: ['generation'], registers: [this.registry] });
  private readonly loginRefusals = new Counter({ name: 'carnet_login_throttle_events_total', help: 'Login throttling: failures counted, attempts refused while locked', labelNames: ['event'], registers: [this.registry] });
  private stopCommits: () => void = () => undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly projections: ProjectionStatus,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'carnet_' });
  }

  onApplicationBootstrap(): void {
    if (this.events instanceof SqliteEventStore) {
      this.stopCommits = this.events.observeCommits((commit) => {
        this.appendedEvents.inc(commit.appends);
        this.commitBatch.observe(commit.batchSize ?? commit.appends);
        if (commit.commitMs !== undefined) this.commitDuration.observe(commit.commitMs / 1000);
      });
    }
  }

  onApplicationShutdown(): void {
    this.stopCommits();
  }

  /** Express middleware counting every request when its answer is sent, by route pattern (not by URL: ids would explode the series). */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const started = performance.now();
      res.on('finish', () => {
        const pattern = (req.route as { path?: unknown } | undefined)?.path;
        const route = typeof pattern === 'string' ? `${req.baseUrl ?? ''}${pattern}` : req.path.startsWith('/api') ? 'unmatched' : 'web';
        this.httpRequest(req.method, route, res.statusCode, (performance.now() - started) / 1000);
      });
      next();
    };
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  command(command: string, outcome: CommandOutcome, seconds: number): void {
    this.commands.inc({ command, outcome });
    this.commandDuration.observe({ command, outcome }, seconds);
  }

  append(seconds: number, written: boolean): void {
    this.appendDuration.observe(seconds);
    if (written && !(this.events instanceof SqliteEventStore)) this.appendedEvents.inc();
  }

  loginThrottle(event: 'failure_counted' | 'refused_locked'): void {
    this.loginRefusals.inc({ event });
  }

  /** The exposition text, with the gauges read now. */
  async render(): Promise<string> {
    const report = await this.projections.report();
    this.head.set(report.head);
    for (const p of report.projections) {
      this.projectionPosition.set({ projection: p.projection }, p.position);
      this.projectionLag.set({ projection: p.projection }, p.lagEvents);
      this.projectionLagSeconds.set({ projection: p.projection }, p.lagMs / 1000);
      this.projectionStopped.set({ projection: p.projection }, p.stopped ? 1 : 0);
    }
    this.leaseHeld.reset();
    this.leaseHeld.set({ instance: report.instance }, report.role === 'standby' ? 0 : 1);
    this.leaseHolder.reset();
    this.leaseLeft.reset();
    if (report.lease) {
      this.leaseHolder.set({ holder: report.lease.holder, term: String(report.lease.term) }, 1);
      this.leaseLeft.set(Math.max(0, (Date.parse(report.lease.expiresAt) - Date.now()) / 1000));
    }
    this.rebuildPosition.reset();
    this.rebuildHead.reset();
    this.rebuildRatio.reset();
    const progress = readRebuildProgress(this.config.dataDir);
    if (progress) {
      const generation = String(progress.generation);
      this.rebuildPosition.set({ generation }, progress.position);
      this.rebuildHead.set({ generation }, progress.head);
      this.rebuildRatio.set({ generation }, progress.done ? 1 : progress.head === 0 ? 1 : Math.min(1, progress.position / progress.head));
    }
    return this.registry.metrics();
  }
}

export interface RebuildProgressFile {
  generation: number;
  position: number;
  head: number;
  events: number;
  done: boolean;
  updatedAt: string;
}

function readRebuildProgress(dataDir: string): RebuildProgressFile | null {
  const file = join(dataDir, REBUILD_PROGRESS_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RebuildProgressFile;
  } catch {
    return null; // being written: the next scrape reads it
  }
}
