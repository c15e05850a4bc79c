import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FaqEntryList, FaqEntryView, FaqStats, FaqSuggestion } from '@carnet/contracts';
import { DEPARTEMENT_TEAMS, FAQ_STATUSES, QUESTION_CATEGORIES, type Actor } from '@carnet/domain';
import type { Response } from 'express';
import { TeamDirectory } from '../../../directory/team-directory.js';
import { CurrentActor, OptionalActor } from '../../../shared/current-actor.js';
import { MinPositionPipe } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { faqEntryNotFound } from '../../commands/faq-commands.js';
import { FaqReader, isFaqStaff } from '../../faq-reader.js';
import { FaqListRequestDto, FaqSuggestionsRequestDto } from './faq-list.request.dto.js';

class ExcerptPartDto {
  @ApiProperty() text!: string;
  @ApiProperty() match!: boolean;
}
class SourceQuestionDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid' }) questionId!: string;
}
export class FaqEntryViewDto implements FaqEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ description: 'Texte simple ; les adresses https:// deviennent des liens à l’affichage' }) answer!: string;
  @ApiProperty({ enum: QUESTION_CATEGORIES }) category!: FaqEntryView['category'];
  @ApiProperty() categoryLabel!: string;
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ enum: DEPARTEMENT_TEAMS }) team!: FaqEntryView['team'];
  @ApiProperty() teamLabel!: string;
  @ApiProperty({ enum: ['communes', 'public'] }) audience!: FaqEntryView['audience'];
  @ApiProperty({ enum: FAQ_STATUSES }) status!: FaqEntryView['status'];
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ description: 'Dernière modification, publication ou vérification' }) verifiedAt!: string;
  @ApiProperty({ description: 'Version (à renvoyer dans If-Match)' }) version!: number;
  @ApiProperty({ nullable: true, type: Boolean }) myVote!: boolean | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Département et auditeurs' }) usefulCount!: number | null;
  @ApiProperty({ nullable: true, type: Number }) notUsefulCount!: number | null;
  @ApiProperty({ nullable: true, type: Number }) openedCount!: number | null;
  @ApiProperty({ nullable: true, type: [SourceQuestionDto] }) sourceQuestions!: FaqEntryView['sourceQuestions'];
  @ApiProperty({
    // Inline rather than a $ref: `nullable` beside a $ref is ignored by OpenAPI 3.0 validators.
    type: 'object',
    properties: { codeInsee: { type: 'string' }, name: { type: 'string' } },
    required: ['codeInsee', 'name'],
    nullable: true,
    description: 'La commune qui a proposé l’entrée (Département seulement) ; null sinon',
  })
  proposedBy!: FaqEntryView['proposedBy'];
  @ApiProperty({ nullable: true, type: String }) statusReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceChangedAt!: string | null;
  @ApiProperty() reviewDue!: boolean;
  @ApiPropertyOptional({ type: [ExcerptPartDto] }) excerpt?: ExcerptPartDto[];
}
class FaqEntryListDto implements FaqEntryList {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [FaqEntryViewDto] }) items!: FaqEntryViewDto[];
}
class FaqSuggestionDto implements FaqSuggestion {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() question!: string;
  @ApiProperty() answer!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty({ type: [ExcerptPartDto] }) excerpt!: ExcerptPartDto[];
}
class FaqMonthUsageDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ example: 'nov. 2026' }) label!: string;
  @ApiProperty() opened!: number;
  @ApiProperty() votes!: number;
  @ApiProperty() avoided!: number;
}
class FaqTotalsDto {
  @ApiProperty() opened!: number;
  @ApiProperty() votes!: number;
  @ApiProperty() avoided!: number;
}
class FaqStatsDto implements FaqStats {
  @ApiProperty() generatedAt!: string;
  @ApiProperty() publishedCount!: number;
  @ApiProperty({ type: [FaqMonthUsageDto] }) months!: FaqMonthUsageDto[];
  @ApiProperty({ type: FaqTotalsDto }) totals!: FaqTotalsDto;
}
class FaqReviewDto {
  @ApiProperty({ type: [FaqEntryViewDto], description: 'Publiées, ni modifiées ni vérifiées depuis 12 mois' }) due!: FaqEntryViewDto[];
  @ApiProperty({ type: [FaqEntryViewDto], description: 'La réponse d’origine a été corrigée depuis la dernière modification' }) sourceChanged!: FaqEntryViewDto[];
  @ApiProperty({ type: [FaqEntryViewDto], description: 'Propositions des communes à publier ou refuser' }) proposals!: FaqEntryViewDto[];
  @ApiProperty({ type: [FaqEntryViewDto] }) drafts!: FaqEntryViewDto[];
}

const forbidden = () => new ProblemException(403, 'forbidden', 'Accès réservé au Département', 'Cette page est réservée aux agents du Département et aux auditeurs.');

@ApiTags('Foire aux questions')
@Controller('faq')
export class ReadFaqHttpController {
  constructor(
    private readonly reader: FaqReader,
    private readonly teams: TeamDirectory,
  ) {}

  @Get('entries')
  @ApiOperation({ summary: 'Les entrées publiées (recherche en français, classées par utilité), ou, pour le Département, celles d’un statut donné' })
  @ApiOkResponse({ type: FaqEntryListDto })
  @ProblemResponses(400, 503)
  list(@Query() query: FaqListRequestDto, @OptionalActor() actor: Actor | null): Promise<FaqEntryList> {
    return this.reader.list(actor, { ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get('suggestions')
  @ApiOperation({ summary: 'Les cinq entrées publiées les plus proches d’une question en cours d’écriture' })
  @ApiOkResponse({ type: [FaqSuggestionDto] })
  @ProblemResponses(400, 401)
  suggestions(@Query() query: FaqSuggestionsRequestDto, @CurrentActor() actor: Actor): Promise<FaqSuggestion[]> {
    return this.reader.suggestions(actor, query.q);
  }

  @Get('review')
  @ApiOperation({ summary: 'À revoir (Département) : entrées à vérifier (12 mois), réponses d’origine corrigées, propositions des communes, brouillons — pour les équipes de l’agent' })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOkResponse({ type: FaqReviewDto })
  @ProblemResponses(401, 403, 503)
  async review(@CurrentActor() actor: Actor, @Query('minPosition', MinPositionPipe) minPosition?: number) {
    if (!isFaqStaff(actor)) throw forbidden();
    const teams = actor.role === 'departement_agent' ? await this.teams.teamsOf(actor.id) : [];
    return this.reader.review(actor, teams, minPosition);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Entrées consultées, votes et questions évitées par mois (Département, auditeurs)' })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOkResponse({ type: FaqStatsDto })
  @ProblemResponses(401, 403, 503)
  stats(@CurrentActor() actor: Actor, @Query('minPosition', MinPositionPipe) minPosition?: number): Promise<FaqStats> {
    if (!isFaqStaff(actor)) throw forbidden();
    return this.reader.stats(actor, minPosition);
  }

  @Get('entries/:id')
  @ApiOperation({ summary: 'Une entrée (ETag : sa version)' })
  @ApiQuery({ name: 'minPosition', required: false, type: Number })
  @ApiOkResponse({ type: FaqEntryViewDto })
  @ProblemResponses(404, 503)
  async get(@Param('id', UuidParam) id: string, @OptionalActor() actor: Actor | null, @Res({ passthrough: true }) res: Response, @Query('minPosition', MinPositionPipe) minPosition?: number): Promise<FaqEntryView> {
    const view = await this.reader.get(id, actor, minPosition);
    if (!view) throw faqEntryNotFound();
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
