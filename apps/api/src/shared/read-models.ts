import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionRunner, ReadModelSet } from '@carnet/read-store';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { PROJECTION_RUNNER } from '../infrastructure/tokens.js';

/** Where query handlers read: the generation the runner maintains, optionally after waiting for a position. */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Read-your-writes: waits until the read models reflect `minPosition` (503 problem after the timeout). */
  async current(minPosition?: number): Promise<ReadModelSet> {
    if (minPosition) await this.runner.waitForPosition(minPosition, this.config.readWaitTimeoutMs);
    return this.runner.readModels();
  }

  get position(): number {
    return this.runner.checkpoint;
  }
}
