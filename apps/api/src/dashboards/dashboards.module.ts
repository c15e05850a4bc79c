import { Module } from '@nestjs/common';
import { CommunesModule } from '../communes/communes.module.js';
import { GetCommuneDashboardHandler } from './queries/get-commune-dashboard/get-commune-dashboard.handler.js';
import { GetCommuneDashboardHttpController } from './queries/get-commune-dashboard/get-commune-dashboard.http.controller.js';
import { GetDepartementDashboardHandler } from './queries/get-departement-dashboard/get-departement-dashboard.handler.js';
import { GetDepartementDashboardHttpController } from './queries/get-departement-dashboard/get-departement-dashboard.http.controller.js';

/** Dashboards of a commune and of the Département (ADR 0013), read from the `dashboard_*` read models. */
@Module({
  imports: [CommunesModule],
  controllers: [GetCommuneDashboardHttpController, GetDepartementDashboardHttpController],
  providers: [GetCommuneDashboardHandler, GetDepartementDashboardHandler],
})
export class DashboardsModule {}
