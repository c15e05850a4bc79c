import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module.js';
import { CommunesModule } from './communes/communes.module.js';
import type { AppConfig } from './config.js';
import { DemoData } from './demo/demo-data.js';
import { IdentityModule } from './identity/identity.module.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { SettableClock } from './infrastructure/settable-clock.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { SearchModule } from './search/search.module.js';
import { DashboardsModule } from './dashboards/dashboards.module.js';
import { PublicModule } from './public/public.module.js';
import { MapModule } from './map/map.module.js';
import { FaqModule } from './faq/faq.module.js';
import { OperationsModule, type OperationsOptions } from './operations/operations.module.js';
import { FinancingModule } from './financing/financing.module.js';
import { ActorGuard } from './shared/actor.guard.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock = new SettableClock(), operations: OperationsOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(config, clock), OperationsModule.forRoot(config, operations), CommunesModule, IdentityModule, ProjectsModule, AuditModule, NotificationsModule, SearchModule, DashboardsModule, PublicModule, MapModule, FaqModule, FinancingModule],
      providers: [DemoData, { provide: APP_GUARD, useClass: ActorGuard }],
    };
  }
}
