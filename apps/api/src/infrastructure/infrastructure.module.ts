import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@carnet/event-store';
import { ProjectionRunner, type ReadStore } from '@carnet/read-store';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { DeciderRunner } from '../shared/decider-runner.js';
import { PeopleDirectory } from '../shared/people-directory.js';
import { ReadModels } from '../shared/read-models.js';
import { AnchorScheduler } from './anchor-scheduler.js';
import { ALL_PROJECTIONS } from './projections.js';
import { openAccountStore, openBlobStore, openEventStore, openReadStore } from './engines.js';
import { linkSiblings } from './sibling-signals.js';
import { ACCOUNT_STORE, BLOB_STORE, CLOCK, EVENT_STORE, PROJECTION_RUNNER, READ_STORE, type Clock } from './tokens.js';
import type { AccountStore } from '@carnet/account-store';
import type { BlobStore } from '@carnet/blob-store';
import { withStartRetries } from '../operations/engine-checks.js';

const startLogger = new Logger('Démarrage');

/** Starts the projection runner once the app is up; stops it and closes the stores on shutdown. */
@Injectable()
class StoresLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The event log may still be starting (compose, a rebooted host): wait for it rather than exit.
    await withStartRetries('journal des événements', this.config.operations.engineStartSeconds, () => this.events.headPosition(), (m) => startLogger.warn(m));
    await this.runner.start();
    this.unlinkSiblings = linkSiblings(this.events, this.runner);
  }

  /** Stops the wake-ups between WORKERS processes (sibling-signals.ts); nothing to stop before start-up. */
  private unlinkSiblings: () => void = () => undefined;

  async onApplicationShutdown(): Promise<void> {
    this.unlinkSiblings();
    await this.runner.stop();
    await this.events.close();
    await this.reads.close();
    await this.accounts.close();
    await this.blobs.close();
  }
}

/** The ports and their configured adapters, available everywhere. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, clock: Clock = { now: () => new Date() }): DynamicModule {
    const logger = new Logger('Projections');
    const retried = <T>(what: string, open: () => Promise<T>) => withStartRetries(what, config.operations.engineStartSeconds, open, (m) => startLogger.warn(m));
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
        { provide: READ_STORE, useFactory: () => retried('lectures (read models)', () => openReadStore(config)) },
        { provide: ACCOUNT_STORE, useFactory: () => retried('comptes', () => openAccountStore(config)) },
        { provide: BLOB_STORE, useFactory: () => retried('documents', () => openBlobStore(config)) },
        {
          provide: PROJECTION_RUNNER,
          inject: [EVENT_STORE, READ_STORE],
          useFactory: (events: EventStore, reads: ReadStore) =>
            new ProjectionRunner(events, reads, ALL_PROJECTIONS, {
              onError: (e) => logger.error(`Projection en erreur, nouvel essai : ${e.message}`),
              // A poison event stops one projection (ADR 0022): said once, with where to look.
              onFault: (f) =>
                logger.error(
                  `Projection « ${f.projection} » arrêtée sur l’événement ${f.type} en position ${f.position} (flux ${f.streamId}, révision ${f.revision}) : ${f.error} — voir GET /api/admin/projections/${f.projection}`,
                ),
              onResume: (name) => logger.log(`Projection « ${name} » repartie après correction`),
              // One instance runs the projections at a time; the others read its checkpoint (ADR 0024).
              // In WORKERS mode the HTTP processes leave them to the projections process while it lives.
              lease: {
                holder: config.instances.instanceId,
                ttlMs: config.instances.leaseMs,
                ...(config.instances.processRole === 'http' ? { yieldMs: 2 * config.instances.leaseMs } : {}),
              },
              onRoleChange: ({ role, lease }) =>
                logger.log(
                  role === 'holder'
                    ? `Cette instance (${config.instances.instanceId}) tient désormais les projections (bail n° ${lease?.term})`
                    : `Cette instance (${config.instances.instanceId}) n’a plus le bail des projections : elle lit celles d’une autre`,
                ),
            }),
        },
        StoresLifecycle,
        DeciderRunner,
        ReadModels,
        PeopleDirectory,
        AnchorScheduler,
      ],
      exports: [APP_CONFIG, CLOCK, EVENT_STORE, READ_STORE, ACCOUNT_STORE, BLOB_STORE, PROJECTION_RUNNER, DeciderRunner, ReadModels, PeopleDirectory, AnchorScheduler],
    };
  }
}
