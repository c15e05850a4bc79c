import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import type { PublicContentRequest, PublicFundingView } from '@carnet/contracts';
import { COST_MAX, FUNDING_MAX, FUNDING_SOURCE_MAX, PUBLIC_TEXT_MAX, PUBLIC_TITLE_MAX } from '@carnet/domain';
import { DocumentIdsField, TextField } from '../../project-fields.dto.js';

export class PublicFundingDto implements PublicFundingView {
  @TextField('Le financeur', FUNDING_SOURCE_MAX) source!: string;

  @ApiProperty({ description: 'Montant obtenu, en euros HT', example: 54600, minimum: 0, maximum: COST_MAX })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'Le montant obtenu doit être un nombre (euros HT, deux décimales au plus).' })
  @Min(0, { message: 'Le montant obtenu ne peut pas être négatif.' })
  @Max(COST_MAX, { message: 'Le montant obtenu est trop élevé.' })
  amountHt!: number;
}

/** The public content of a finished project, as the commune (or the Département) writes it. */
export class PublicContentDto implements PublicContentRequest {
  @TextField('Le titre public', PUBLIC_TITLE_MAX) title!: string;
  @TextField('Le résumé public', PUBLIC_TEXT_MAX) summary!: string;

  @ApiPropertyOptional({ description: 'Coût final hors taxes, en euros', example: 182000, nullable: true, minimum: 0, maximum: COST_MAX })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'Le coût final doit être un nombre (euros HT, deux décimales au plus).' })
  @Min(0, { message: 'Le coût final ne peut pas être négatif.' })
  @Max(COST_MAX, { message: 'Le coût final est trop élevé.' })
  finalCostHt?: number | null;

  @ApiPropertyOptional({ type: [PublicFundingDto], maxItems: FUNDING_MAX, description: 'Financements obtenus' })
  @IsOptional()
  @IsArray({ message: 'Les financements doivent être une liste.' })
  @ArrayMaxSize(FUNDING_MAX, { message: `Indiquez au plus ${FUNDING_MAX} financements.` })
  @ValidateNested({ each: true })
  @Type(() => PublicFundingDto)
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
