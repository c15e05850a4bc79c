import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ContactView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { ContactDirectory } from '../../contact-directory.js';
import { assertDirectoryAdmin } from '../../directory-access.js';
import { ArchiveContactRequestDto } from './archive-contact.request.dto.js';

@ApiTags('Annuaire')
@Controller('contacts')
export class ArchiveContactHttpController {
  constructor(private readonly contacts: ContactDirectory) {}

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archiver (ou rétablir) un contact : un contact archivé n’est plus proposé dans les réponses' })
  @ProblemResponses(400, 401, 403, 404)
  archive(@Param('id', UuidParam) id: string, @Body() body: ArchiveContactRequestDto, @CurrentActor() actor: Actor): Promise<ContactView> {
    assertDirectoryAdmin(actor);
    return this.contacts.archive(id, body.archived, this.contacts.departementOf(actor));
  }
}
