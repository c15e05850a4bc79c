import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@carnet/event-store';
import type { ProjectionFault, ProjectionRole, ProjectionRunner } from '@carnet/read-store';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { EVENT_STORE, PROJECTION_RUNNER } from '../infrastructure/tokens.js';

/** Where one projection is: the last event its documents reflect, and how far behind the log it is. */
export interface ProjectionState {
  projection: string;
  position: number;
  lagEvents: number;
  /** Age of the oldest event it has not applied yet (0 when up to date). */
  lagMs: number;
  /** Set when it stopped on a poison event (ADR 0022). */
  stopped: ProjectionFault | null;
}

export interface ProjectionsReport {
  head: number;
  checkpoint: number;
  generation: number;
  lagEvents: number;
  lagMs: number;
  stopped: ProjectionFault[];
  projections: ProjectionState[];
  /** This instance, its role with the projections, and who holds their lease (ADR 0024). */
  instance: string;
  role: ProjectionRole['role'];
  lease: { name: string; holder: string; expiresAt: string; term: number } | null;
}

/** The projections' positions and lags, for readiness, metrics and the administrators' page. */
@Injectable()
export class ProjectionStatus {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(head?: number): Promise<ProjectionsReport> {
    const top = head ?? (await this.events.headPosition());
    const checkpoint = this.runner.checkpoint;
    const stopped = this.runner.stoppedProjections;
    const byName = new Map(stopped.map((f) => [f.projection, f]));
    const ages = new Map<number, Promise<number>>();
    // One read per distinct position (most projections share the runner's checkpoint).
    const ageAfter = (position: number) => {
      if (position >= top) return Promise.resolve(0);
      let age = ages.get(position);
      if (!age) {
        age = this.events.readAll({ after: position, maxCount: 1 }).then(([next]) => (next ? Math.max(0, Date.now() - Date.parse(next.metadata.recordedAt)) : 0));
        ages.set(position, age);
      }
      return age;
    };
    const projections = await Promise.all(
      this.runner.projectionNames.map(async (projection): Promise<ProjectionState> => {
        const fault = byName.get(projection) ?? null;
        const position = fault ? fault.position - 1 : checkpoint;
        return { projection, position, lagEvents: Math.max(0, top - position), lagMs: await ageAfter(position), stopped: fault };
      }),
    );
    const lease = await this.runner.currentLease();
    return {
      instance: this.config.instances.instanceId,
      role: this.runner.role.role,
      lease: lease && { name: lease.name, holder: lease.holder, expiresAt: new Date(lease.expiresAt).toISOString(), term: lease.term },
      head: top,
      checkpoint,
      generation: this.runner.readModels().generation,
      lagEvents: Math.max(0, top - checkpoint),
      lagMs: await ageAfter(checkpoint),
      stopped,
      projections,
    };
  }
}
