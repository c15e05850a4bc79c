import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AMOUNT_BASES, AMOUNT_MAX_CENTS, COST_ITEMS_MAX, FUNDERS, FUNDING_REASON_MAX, FUNDING_SCHEMES, INSTALMENT_KINDS, LABEL_MAX, OWN_SHARE_RULES } from '@carnet/domain';

import { NotBlank } from '../../../shared/field-rules.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An amount in integer cents, with a French message. */
export const CentsField = (label: string, example: number) => (target: object, key: string) => {
  ApiProperty({ description: `${label}, en centimes d’euro (entier)`, example, minimum: 1, maximum: AMOUNT_MAX_CENTS })(target, key);
  IsInt({ message: `${label} doit être un nombre entier de centimes.` })(target, key);
  Min(1, { message: `${label} doit être positif.` })(target, key);
  Max(AMOUNT_MAX_CENTS, { message: `${label} est trop élevé.` })(target, key);
};

export const DateField = (label: string) => (target: object, key: string) => {
  ApiProperty({ description: `${label} (AAAA-MM-JJ)`, example: '2026-03-01' })(target, key);
  IsString({ message: `${label} doit être une date (AAAA-MM-JJ).` })(target, key);
  Matches(DATE, { message: `${label} doit être une date (AAAA-MM-JJ).` })(target, key);
};

export const ShortText = (label: string, max: number) => (target: object, key: string) => {
  ApiProperty({ description: label, maxLength: max })(target, key);
  IsString({ message: `${label} doit être un texte.` })(target, key);
  NotBlank(label)(target, key);
  MaxLength(max, { message: `${label} dépasse ${max} caractères.` })(target, key);
};

export class CostItemDto {
  @ShortText('Libellé du poste', LABEL_MAX) label!: string;
  @CentsField('Le montant HT du poste', 12_000_000) amountHtCents!: number;
}

export class SetFinancingCostRequestDto {
  @CentsField('Le coût HT', 30_000_000) costHtCents!: number;
  @CentsField('Le coût TTC', 36_000_000) costTtcCents!: number;

  @ApiPropertyOptional({ type: [CostItemDto], description: 'Détail facultatif du coût HT par poste (la somme doit faire le coût HT)' })
  @IsOptional()
  @IsArray({ message: 'Le détail du coût doit être une liste.' })
  @ArrayMaxSize(COST_ITEMS_MAX, { message: `Détaillez le coût en ${COST_ITEMS_MAX} postes au plus.` })
  @ValidateNested({ each: true })
  @Type(() => CostItemDto)
  items?: CostItemDto[];
}

export class RequestFundingRequestDto {
  @ApiProperty({ enum: FUNDERS, description: 'Financeur' })
  @IsIn(FUNDERS as unknown as string[], { message: `Le financeur doit être l’un de : ${FUNDERS.join(', ')}.` })
  funder!: (typeof FUNDERS)[number];

  @ApiProperty({ enum: FUNDING_SCHEMES, description: 'Dispositif' })
  @IsIn(FUNDING_SCHEMES as unknown as string[], { message: `Le dispositif doit être l’un de : ${FUNDING_SCHEMES.join(', ')}.` })
  scheme!: (typeof FUNDING_SCHEMES)[number];

  @ShortText('Le libellé', LABEL_MAX) label!: string;
  @CentsField('Le montant demandé', 3_000_000) amountCents!: number;

  @ApiProperty({ enum: AMOUNT_BASES, description: 'Base du montant : HT ou TTC' })
  @IsIn(AMOUNT_BASES as unknown as string[], { message: 'La base est HT ou TTC.' })
  base!: (typeof AMOUNT_BASES)[number];

  @DateField('La date de la demande') requestedOn!: string;
}

export class GrantFundingRequestDto {
  @CentsField('Le montant accordé', 2_500_000) amountCents!: number;
  @DateField('La date de la décision') grantedOn!: string;
  @ShortText('La référence de la décision (arrêté, convention)', LABEL_MAX) decisionReference!: string;
}

export class PayFundingRequestDto {
  @ApiProperty({ enum: INSTALMENT_KINDS, description: 'Acompte ou solde' })
  @IsIn(INSTALMENT_KINDS as unknown as string[], { message: 'Un versement est un acompte ou le solde.' })
  kind!: (typeof INSTALMENT_KINDS)[number];
  @CentsField('Le montant versé', 1_000_000) amountCents!: number;
  @DateField('La date du versement') paidOn!: string;
}

export class RefuseFundingRequestDto {
  @DateField('La date du refus') refusedOn!: string;
  @ShortText('Le motif du refus', FUNDING_REASON_MAX) reason!: string;
}

export class ReviseFundingRequestDto {
  @CentsField('Le nouveau montant', 2_800_000) amountCents!: number;
  @ShortText('Le motif de la révision', FUNDING_REASON_MAX) reason!: string;
}

export class ChooseOwnShareRuleRequestDto {
  @ApiProperty({ enum: OWN_SHARE_RULES, description: 'Règle d’autofinancement minimal du projet' })
  @IsIn(OWN_SHARE_RULES as unknown as string[], { message: `La règle doit être l’une de : ${OWN_SHARE_RULES.join(', ')}.` })
  rule!: (typeof OWN_SHARE_RULES)[number];
  @ShortText('Le motif (arrêté du préfet, compétence)', FUNDING_REASON_MAX) reason!: string;
}

export class RequestFundingFromSimulationRequestDto {
  @DateField('La date de la demande') requestedOn!: string;
}
