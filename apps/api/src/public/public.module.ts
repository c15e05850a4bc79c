import { Module } from '@nestjs/common';
import { CommunesModule } from '../communes/communes.module.js';
import { CommuneGeo } from './commune-geo.js';
import { PublicOpenApi } from './http/public-openapi-document.js';
import { PublicRateLimitGuard } from './http/rate-limit.js';
import { PublicResponseCache } from './http/response-cache.js';
import { PortalHttpController } from './portal/portal.http.controller.js';
import { PublicCatalog } from './public-catalog.js';
import { PublicDocumentBytes } from './public-document-bytes.js';
import { GetSiteInfoHttpController } from './queries/get-site-info/get-site-info.http.controller.js';
import { PublicApiHttpController } from './queries/public-api.http.controller.js';

/** Everything the public sees (issue #5): the portal, the public API, exports and the change feed. */
@Module({
  imports: [CommunesModule],
  controllers: [PublicApiHttpController, PortalHttpController, GetSiteInfoHttpController],
  providers: [PublicCatalog, CommuneGeo, PublicDocumentBytes, PublicRateLimitGuard, PublicResponseCache, PublicOpenApi],
  exports: [PublicDocumentBytes, PublicCatalog, CommuneGeo, PublicRateLimitGuard, PublicResponseCache, PublicOpenApi],
})
export class PublicModule {}
