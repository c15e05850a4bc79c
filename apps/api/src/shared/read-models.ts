import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionRunner, ReadModelSet } from '@carnet/read-store';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { PROJECTION_RUNNER } from '../infrastructure/tokens.js';
import { ProblemException } from './problem.js';

/** Where query handlers read: the generation the runner maintains, optionally after waiting for a position. */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Read-your-writes: waits until the read models reflect `minPosition` (503 problem after the
   * timeout). A position beyond the end of the log was never answered to anyone: 400 at once.
   */
  async current(minPosition?: number): Promise<ReadModelSet> {
    if (minPosition && minPosition > this.runner.checkpoint) {
      // A command answers once its events are durable: the position it gave is at or before the head.
      const head = await this.runner.logHead();
      if (minPosition > head) {
        const message = `minPosition (${minPosition}) dépasse la fin du journal (position ${head}) : reprenez la position donnée par la réponse de votre commande.`;
        throw new ProblemException(400, 'validation', 'Certains champs sont invalides', message, [{ field: 'minPosition', message }]);
      }
      await this.runner.waitForPosition(minPosition, this.config.readWaitTimeoutMs);
    }
    return this.runner.readModels();
  }

  get position(): number {
    return this.runner.checkpoint;
  }
}
