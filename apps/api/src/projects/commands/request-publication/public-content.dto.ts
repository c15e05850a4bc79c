import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsOptional, IsString, MaxLength } from 'class-validator';
import { MoneyField, ObjectList } from '../../../shared/field-rules.js';
import type { PublicContentRequest, PublicFundingView } from '@carnet/contracts';
import { FUNDING_MAX, FUNDING_SOURCE_MAX, PUBLIC_TEXT_MAX, PUBLIC_TITLE_MAX } from '@carnet/domain';
import { DocumentIdsField, TextField } from '../../project-fields.dto.js';

export class PublicFundingDto implements PublicFundingView {
  @TextField('Le financeur', FUNDING_SOURCE_MAX) source!: string;

  @MoneyField('Le montant obtenu', { description: 'Montant obtenu', example: 54600, required: true })
  amountHt!: number;
}

/** The public content of a finished project, as the commune (or the Département) writes it. */
export class PublicContentDto implements PublicContentRequest {
  @TextField('Le titre public', PUBLIC_TITLE_MAX) title!: string;
  @TextField('Le résumé public', PUBLIC_TEXT_MAX) summary!: string;

  @MoneyField('Le coût final', { description: 'Coût final', example: 182000, nullable: true })
  finalCostHt?: number | null;

  @ApiPropertyOptional({ type: [PublicFundingDto], maxItems: FUNDING_MAX, description: 'Financements obtenus' })
  @IsOptional()
  @ArrayMaxSize(FUNDING_MAX, { message: `Indiquez au plus ${FUNDING_MAX} financements.` })
  @ObjectList(() => PublicFundingDto, 'Les financements doivent être une liste.')
  funding?: PublicFundingDto[];

  @ApiPropertyOptional({ description: 'Retour d’expérience : ce qui a marché, ce qui a coincé', maxLength: PUBLIC_TEXT_MAX })
  @IsOptional()
  @IsString({ message: 'Le retour d’expérience doit être un texte.' })
  @MaxLength(PUBLIC_TEXT_MAX, { message: `Le retour d’expérience dépasse ${PUBLIC_TEXT_MAX} caractères.` })
  lessonsLearned?: string;

  @DocumentIdsField() documentIds?: string[];
}

export const toContentInput = (body: PublicContentRequest) => ({
  title: body.title,
  summary: body.summary,
  finalCostHt: body.finalCostHt ?? null,
  funding: (body.funding ?? []).map((f) => ({ source: f.source, amountHt: f.amountHt })),
  lessonsLearned: body.lessonsLearned ?? '',
  documentIds: body.documentIds ?? [],
});
