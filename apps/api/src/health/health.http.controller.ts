import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@carnet/event-store';
import type { ProjectionRunner, ReadStore } from '@carnet/read-store';
import { EVENT_STORE, PROJECTION_RUNNER, READ_STORE } from '../infrastructure/tokens.js';

/** The state of the service, for probes and people. */
export interface HealthView {
  status: 'ok';
  eventStore: string;
  readStore: string;
  logPosition: number;
  readModelPosition: number;
  readModelGeneration: number;
  lag: number;
}

@ApiTags('Santé')
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @ApiOperation({ summary: 'État du service : moteurs utilisés et retard des projections' })
  async health(): Promise<HealthView> {
    const head = await this.events.headPosition();
    return {
      status: 'ok',
      eventStore: this.events.engine,
      readStore: this.reads.engine,
      logPosition: head,
      readModelPosition: this.runner.checkpoint,
      readModelGeneration: this.runner.readModels().generation,
      lag: Math.max(0, head - this.runner.checkpoint),
    };
  }
}
