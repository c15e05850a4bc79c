import { Controller, Get, Header, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import type { AccountStore } from '@carnet/account-store';
import type { BlobStore } from '@carnet/blob-store';
import type { EventStore } from '@carnet/event-store';
import type { ReadStore } from '@carnet/read-store';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { ACCOUNT_STORE, BLOB_STORE, EVENT_STORE, READ_STORE } from '../infrastructure/tokens.js';
import { ENGINE_LABELS, ENGINE_NAMES, enginePings, type EngineName } from '../operations/engine-checks.js';
import { ProjectionStatus } from '../operations/projection-status.js';
import { LivenessDto, NOT_READY_RESPONSE, ReadinessDto } from '../operations/operations.dto.js';
import { ProblemException } from '../shared/problem.js';

/** The 503 of readiness: a problem naming the engines that did not answer, with every check's detail. */
class NotReadyProblem extends ProblemException {
  constructor(
    readonly down: EngineName[],
    readonly checks: HealthCheckResult['details'],
  ) {
    super(
      503,
      'not_ready',
      'Service indisponible : un moteur ne répond pas',
      `Sans réponse : ${down.map((name) => `${ENGINE_LABELS[name]} (${name})`).join(', ')}.`,
      undefined,
      { 'Retry-After': '5', 'Cache-Control': 'no-store' },
    );
  }

  override toProblem(instance: string) {
    return { ...super.toProblem(instance), down: this.down, checks: this.checks };
  }
}

/**
 * Liveness (the process answers), readiness (every engine answers within HEALTH_TIMEOUT_MS, with
 * the projections' lag and the projections stopped on a poison event) — ADR 0022. `/api/health`
 * is readiness, with the fields it always had.
 */
@ApiTags('Santé')
@Controller('health')
export class HealthHttpController {
  private readonly pings;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly projections: ProjectionStatus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(ACCOUNT_STORE) accounts: AccountStore,
    @Inject(BLOB_STORE) blobs: BlobStore,
  ) {
    this.pings = enginePings({ events, reads, accounts, blobs });
  }

  @Get('live')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Vivacité : le processus répond (ne consulte aucun moteur)' })
  @ApiOkResponse({ type: LivenessDto })
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Disponibilité : chaque moteur répond ; retard des projections et projections arrêtées sur un événement' })
  @ApiOkResponse({ type: ReadinessDto, description: 'Tous les moteurs répondent (les projections arrêtées sont listées dans projections.stopped)' })
  @ApiResponse(NOT_READY_RESPONSE)
  ready() {
    return this.readiness();
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'État du service (= /api/health/ready) : moteurs utilisés et retard des projections' })
  @ApiOkResponse({ type: ReadinessDto, description: 'Tous les moteurs répondent' })
  @ApiResponse(NOT_READY_RESPONSE)
  legacy() {
    return this.readiness();
  }

  private async readiness() {
    const timeout = this.config.operations.healthTimeoutMs;
    const checks = ENGINE_NAMES.map((name) => () => this.indicator.check(name).attempt(this.pings[name]).withTimeout(timeout) as PromiseLike<HealthIndicatorResult>);
    const result = await this.health.check(checks).catch((error: unknown) => {
      if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
      throw error;
    });
    if (result.status !== 'ok') {
      const down = ENGINE_NAMES.filter((name) => result.details[name]?.status !== 'up');
      throw new NotReadyProblem(down, result.details);
    }
    const head = Number(result.details.eventStore?.head ?? (await this.events.headPosition()));
    const projections = await this.projections.report(head);
    return {
      status: projections.stopped.length > 0 ? 'degraded' : 'ok',
      eventStore: this.events.engine,
      readStore: this.reads.engine,
      logPosition: head,
      readModelPosition: projections.checkpoint,
      readModelGeneration: projections.generation,
      lag: projections.lagEvents,
      lagMs: projections.lagMs,
      engines: result.details,
      projections: {
        lagEvents: projections.lagEvents,
        lagMs: projections.lagMs,
        stopped: projections.stopped,
        instance: projections.instance,
        role: projections.role,
        lease: projections.lease,
      },
    };
  }
}
