import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommunesModule } from './communes/communes.module.js';
import type { AppConfig } from './config.js';
import { DemoData } from './demo/demo-data.js';
import { DevHttpController } from './dev/dev.http.controller.js';
import { HealthHttpController } from './health/health.http.controller.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { SettableClock } from './infrastructure/settable-clock.js';
import { ProjectsModule } from './projects/projects.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock = new SettableClock()): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(config, clock), CommunesModule, ProjectsModule],
      controllers: [HealthHttpController, DevHttpController],
      providers: [DemoData],
    };
  }
}
