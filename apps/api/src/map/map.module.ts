import { Module } from '@nestjs/common';
import { CommunesModule } from '../communes/communes.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { PublicModule } from '../public/public.module.js';
import { PortalMapHttpController } from './portal/portal-map.http.controller.js';
import { LocateProjectHandler } from './commands/locate-project/locate-project.handler.js';
import { LocateProjectHttpController } from './commands/locate-project/locate-project.http.controller.js';
import { GetCommuneOutlinesHttpController } from './queries/get-commune-outlines/get-commune-outlines.http.controller.js';
import { GetDepartementOutlinesHttpController } from './queries/get-departement-outlines/get-departement-outlines.http.controller.js';
import { GetMapProjectsHandler, MapResponseCache } from './queries/get-map-projects/get-map-projects.handler.js';
import { GetMapSettingsHttpController } from './queries/get-map-settings/get-map-settings.http.controller.js';
import { GetMapProjectsHttpController } from './queries/get-map-projects/get-map-projects.http.controller.js';

/** The map of projects (issue #10, ADR 0017): placing a project, the in-app map's data, the outlines. */
@Module({
  imports: [CommunesModule, ProjectsModule, PublicModule],
  controllers: [LocateProjectHttpController, GetMapProjectsHttpController, GetCommuneOutlinesHttpController, GetDepartementOutlinesHttpController, GetMapSettingsHttpController, PortalMapHttpController],
  providers: [LocateProjectHandler, GetMapProjectsHandler, MapResponseCache],
})
export class MapModule {}
