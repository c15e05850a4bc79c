import { Module } from '@nestjs/common';
import { CommuneCatalog } from './commune-catalog.js';
import { ListCommunesHandler } from './queries/list-communes/list-communes.handler.js';
import { ListCommunesHttpController } from './queries/list-communes/list-communes.http.controller.js';

/** Reference data on the communes of the département. */
@Module({
  controllers: [ListCommunesHttpController],
  providers: [CommuneCatalog, ListCommunesHandler],
  exports: [CommuneCatalog],
})
export class CommunesModule {}
