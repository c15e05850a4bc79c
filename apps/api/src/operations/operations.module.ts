import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config.js';
import { HealthHttpController } from '../health/health.http.controller.js';
import { loggerParams } from './logging.js';
import { Metrics } from './metrics.js';
import { MetricsHttpController } from './metrics.http.controller.js';
import { ProjectionStatus } from './projection-status.js';
import { ProjectionsHttpController } from './projections.http.controller.js';

/** How the app logs: where (tests collect the lines), and at which level when not LOG_LEVEL. */
export interface OperationsOptions {
  logDestination?: DestinationStream;
  logLevel?: string;
}

/** Health, structured logs, metrics and the projections' state (ADR 0022). */
@Global()
@Module({})
export class OperationsModule {
  static forRoot(config: AppConfig, options: OperationsOptions = {}): DynamicModule {
    return {
      module: OperationsModule,
      imports: [LoggerModule.forRoot(loggerParams(config, { destination: options.logDestination, level: options.logLevel })), TerminusModule.forRoot({ errorLogStyle: 'json', logger: false })],
      controllers: [HealthHttpController, MetricsHttpController, ProjectionsHttpController],
      providers: [Metrics, ProjectionStatus],
      exports: [Metrics, ProjectionStatus],
    };
  }
}
