import { Controller, Get, Inject, Param } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { departementOfActor } from '../../../shared/actor-of.js';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@carnet/domain';
import type { FaqHistory } from '@carnet/contracts';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { faqEntryNotFound } from '../../../faq/commands/faq-commands.js';
import { isFaqStaff } from '../../../faq/faq-reader.js';
import { FaqHistoryLog } from '../../faq-history.js';

class FaqChangeDto {
  @ApiProperty() field!: string;
  @ApiProperty() label!: string;
  @ApiProperty() before!: string;
  @ApiProperty() after!: string;
}
class FaqHistoryActorDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty() roleLabel!: string;
}
class FaqHistoryEntryDto {
  @ApiProperty() position!: number;
  @ApiProperty() revision!: number;
  @ApiProperty() type!: string;
  @ApiProperty() typeLabel!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: FaqHistoryActorDto }) actor!: FaqHistoryActorDto;
  @ApiProperty() summary!: string;
  @ApiProperty({ nullable: true, type: String }) why!: string | null;
  @ApiProperty({ type: [FaqChangeDto] }) changes!: FaqChangeDto[];
}
class FaqHistoryDto implements FaqHistory {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ type: [FaqHistoryEntryDto] }) entries!: FaqHistoryEntryDto[];
}

@ApiTags('Foire aux questions')
@Controller('faq')
export class GetFaqHistoryHttpController {
  constructor(
    private readonly log: FaqHistoryLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('entries/:id/history')
  @ApiOperation({ summary: 'Historique d’une entrée, lu dans son flux du journal : qui, quand, quoi (avant → après), pourquoi (Département, auditeurs)' })
  @ApiOkResponse({ type: FaqHistoryDto })
  @ProblemResponses(401, 403, 404)
  async history(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor): Promise<FaqHistory> {
    if (!isFaqStaff(actor)) throw new ProblemException(403, 'forbidden', 'Accès réservé au Département', 'L’historique d’une entrée est réservé au Département et aux auditeurs.');
    const history = await this.log.history(id, departementOfActor(actor, this.config.departement), this.config.departement);
    if (!history) throw faqEntryNotFound();
    return history;
  }
}
