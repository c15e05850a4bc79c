import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ContactView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { ContactDirectory } from '../../contact-directory.js';
import { assertDirectoryAdmin } from '../../directory-access.js';
import { SaveContactRequestDto } from './save-contact.request.dto.js';

@ApiTags('Annuaire')
@Controller('contacts')
export class SaveContactHttpController {
  constructor(private readonly contacts: ContactDirectory) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Ajouter un contact à l’annuaire (administrateur du Département)' })
  @ProblemResponses(400, 401, 403)
  create(@Body() body: SaveContactRequestDto, @CurrentActor() actor: Actor): Promise<ContactView> {
    assertDirectoryAdmin(actor);
    return this.contacts.create(body, this.contacts.departementOf(actor));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Modifier un contact de l’annuaire (administrateur du Département)' })
  @ProblemResponses(400, 401, 403, 404)
  update(@Param('id', UuidParam) id: string, @Body() body: SaveContactRequestDto, @CurrentActor() actor: Actor): Promise<ContactView> {
    assertDirectoryAdmin(actor);
    return this.contacts.update(id, body, this.contacts.departementOf(actor));
  }
}
