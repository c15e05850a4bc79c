import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { AMOUNT_MAX_CENTS, WORK_CATEGORIES, type WorkCategory } from '@carnet/domain';
import { CentsField } from './commands/change-financing-plan/change-financing-plan.request.dto.js';

const OptionalCents = (label: string) => (target: object, key: string) => {
  ApiPropertyOptional({ description: `${label}, en centimes d’euro (0 par défaut)`, minimum: 0, maximum: AMOUNT_MAX_CENTS, example: 0 })(target, key);
  IsOptional()(target, key);
  IsInt({ message: `${label} doit être un nombre entier de centimes.` })(target, key);
  Min(0, { message: `${label} ne peut pas être négatif.` })(target, key);
  Max(AMOUNT_MAX_CENTS, { message: `${label} est trop élevé.` })(target, key);
};

/** What a person tells the simulator. The commune's population comes from the INSEE data, never from the request. */
export class SimulationInputsDto {
  @ApiPropertyOptional({ description: 'Code INSEE de la commune (sans objet pour une estimation enregistrée sur un projet : la commune du projet)', example: '95002' })
  @IsOptional()
  @IsString({ message: 'Le code INSEE doit être un texte.' })
  @Matches(/^\d[0-9AB]\d{3}$/, { message: 'Le code INSEE de la commune est invalide.' })
  codeInsee?: string;

  @ApiProperty({ enum: WORK_CATEGORIES, description: 'Catégorie de travaux' })
  @IsIn(WORK_CATEGORIES as unknown as string[], { message: `La catégorie de travaux doit être l’une de : ${WORK_CATEGORIES.join(', ')}.` })
  category!: WorkCategory;

  @CentsField('Le coût HT', 30_000_000) costHtCents!: number;
  @CentsField('Le coût TTC', 36_000_000) costTtcCents!: number;
  @OptionalCents('Le financement privé') privateCents?: number;
  @OptionalCents('L’aide de l’État déjà obtenue') obtainedStateCents?: number;
  @OptionalCents('Les autres aides publiques déjà obtenues') obtainedOtherCents?: number;

  @ApiPropertyOptional({ description: 'Début prévu des travaux (AAAA-MM-JJ) : la version des règles en vigueur à cette date est utilisée', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Le début prévu doit être une date (AAAA-MM-JJ).' })
  plannedStart?: string | null;

  @ApiPropertyOptional({ description: 'Le préfet a accordé la dérogation « rénovation énergétique d’une école » (10 %)' })
  @IsOptional()
  @IsBoolean({ message: 'La dérogation est oui ou non.' })
  schoolDerogation?: boolean;

  @ApiPropertyOptional({ description: 'Compétence dont la commune est chef de file (30 %)' })
  @IsOptional()
  @IsBoolean({ message: 'Chef de file est oui ou non.' })
  chefDeFile?: boolean;
}
