import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { ContactRequest, ProjectTheme } from '@carnet/contracts';
import { PROJECT_THEMES } from '@carnet/domain';
import { NotBlank, SingleLine } from '../../../shared/field-rules.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SaveContactRequestDto implements ContactRequest {
  @ApiProperty({ example: 'Nadia Benali', maxLength: 120 })
  @Transform(trim)
  @IsString({ message: 'Le nom doit être un texte.' })
  @NotBlank('Le nom')
  @MaxLength(120, { message: 'Le nom dépasse 120 caractères.' })
  @SingleLine('Le nom')
  name!: string;

  @ApiProperty({ example: 'Chargée des aides aux communes', maxLength: 160 })
  @Transform(trim)
  @IsString({ message: 'La fonction doit être un texte.' })
  @NotBlank('La fonction')
  @MaxLength(160, { message: 'La fonction dépasse 160 caractères.' })
  @SingleLine('La fonction')
  jobTitle!: string;

  @ApiProperty({ example: 'Département du Val-d’Oise — Service des aides aux communes', maxLength: 160 })
  @Transform(trim)
  @IsString({ message: 'L’organisme doit être un texte.' })
  @NotBlank('L’organisme')
  @MaxLength(160, { message: 'L’organisme dépasse 160 caractères.' })
  @SingleLine('L’organisme')
  organisation!: string;

  @ApiPropertyOptional({ example: 'nadia.benali@valdoise.fr', nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'L’adresse e-mail est invalide.' })
  email?: string | null;

  @ApiPropertyOptional({ example: '01 34 25 30 30', nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 .-]{6,20}$/, { message: 'Le numéro de téléphone est invalide.' })
  phone?: string | null;

  @ApiProperty({ enum: PROJECT_THEMES, isArray: true, description: 'Thèmes de projet sur lesquels la personne conseille' })
  @IsArray({ message: 'Les thèmes doivent être une liste.' })
  @ArrayMaxSize(PROJECT_THEMES.length, { message: 'Trop de thèmes.' })
  @IsIn(PROJECT_THEMES as unknown as string[], { each: true, message: `Chaque thème doit être l’un de : ${PROJECT_THEMES.join(', ')}.` })
  themes!: ProjectTheme[];

  @ApiProperty({ type: [String], example: ['95002'], description: 'Codes INSEE des communes suivies ; liste vide = tout le département' })
  @IsArray({ message: 'Les communes doivent être une liste.' })
  @ArrayMaxSize(200, { message: 'Au plus 200 communes.' })
  @Matches(/^\d[0-9AB]\d{3}$/, { each: true, message: 'Chaque code INSEE doit comporter 5 caractères, par exemple 95002.' })
  communes!: string[];

  @ApiPropertyOptional({ nullable: true, description: 'Compte de la personne sur la plateforme, s’il existe (son effacement RGPD efface aussi le contact)' })
  @IsOptional()
  @IsString({ message: 'Le compte doit être un identifiant.' })
  @MaxLength(128, { message: 'Identifiant de compte trop long.' })
  accountId?: string | null;
}
