import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Persona } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CommuneCatalog } from '../communes/commune-catalog.js';
import { CurrentActor } from '../shared/current-actor.js';
import { ProblemException } from '../shared/problem.js';
import { PERSONAS } from './personas.js';

/** Development only: the demo people one can act as until accounts exist. */
@ApiTags('Développement')
@Controller()
export class DevHttpController {
  constructor(private readonly communes: CommuneCatalog) {}

  private view(actor: Actor): Persona {
    return {
      id: actor.id,
      name: actor.displayName,
      role: actor.role,
      communeInsee: actor.communeInsee,
      communeName: actor.communeInsee ? this.communes.nameOf(actor.communeInsee) : null,
    };
  }

  @Get('dev/personas')
  @ApiOperation({ summary: 'Profils de démonstration (développement seulement)' })
  personas(): Persona[] {
    if (process.env.NODE_ENV === 'production') {
      throw new ProblemException(404, 'not_found', 'Ressource introuvable');
    }
    return PERSONAS.map((p) => this.view(p));
  }

  @Get('me')
  @ApiOperation({ summary: 'Le profil qui agit' })
  me(@CurrentActor() actor: Actor): Persona {
    return this.view(actor);
  }
}
