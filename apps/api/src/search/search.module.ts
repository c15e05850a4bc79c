import { Module } from '@nestjs/common';
import { CommunesModule } from '../communes/communes.module.js';
import { SearchHandler } from './queries/search/search.handler.js';
import { SearchHttpController } from './queries/search/search.http.controller.js';

/** Full-text search over what a person may see (ADR 0013). Its index is the `search_entries` read model. */
@Module({
  imports: [CommunesModule],
  controllers: [SearchHttpController],
  providers: [SearchHandler],
})
export class SearchModule {}
