import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { FUNDERS } from '@carnet/domain';
import { NotBlank } from '../../../shared/field-rules.js';

export class RuleSetSchemeDto {
  @ApiProperty({ example: 'detr', description: 'Identifiant (minuscules, chiffres, _)' })
  @IsString({ message: 'L’identifiant d’un dispositif doit être un texte.' }) @Matches(/^[a-z0-9_]{2,40}$/, { message: 'L’identifiant d’un dispositif est fait de minuscules, chiffres et _ (2 à 40).' })
  id!: string;
  @ApiProperty({ example: 'DETR (État)' }) @IsString({ message: 'Le libellé du dispositif doit être un texte.' }) @NotBlank('Le libellé du dispositif') @MaxLength(160, { message: 'Le libellé d’un dispositif dépasse 160 caractères.' }) label!: string;
  @ApiProperty({ enum: FUNDERS }) @IsIn(FUNDERS as unknown as string[], { message: 'Financeur inconnu.' }) funder!: (typeof FUNDERS)[number];
  @ApiProperty({ enum: ['etat', 'collectivite'] }) @IsIn(['etat', 'collectivite'], { message: 'Le niveau est etat ou collectivite.' }) level!: 'etat' | 'collectivite';
  @ApiProperty({ example: 'DETR', description: 'Espace de noms publicodes de ses règles (éligible, motif, minimum, maximum)' }) @IsString({ message: 'L’espace de règles du dispositif doit être un texte.' }) @NotBlank('L’espace de règles du dispositif') @MaxLength(200, { message: 'L’espace de règles d’un dispositif dépasse 200 caractères.' }) rules!: string;
}

/** A new version of the financing rules: publicodes rules, the schemes reported, effective date, sources. */
export class PublishRuleSetRequestDto {
  @ApiProperty({ example: 'Règles 2027 du Val-d’Oise' }) @IsString({ message: 'Le titre doit être un texte.' }) @NotBlank('Le titre') @MaxLength(160, { message: 'Le titre dépasse 160 caractères.' }) title!: string;
  @ApiProperty({ example: '2027-01-01', description: 'Date d’effet (AAAA-MM-JJ)' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'La date d’effet doit être une date (AAAA-MM-JJ).' }) effectiveFrom!: string;
  @ApiProperty({ type: [String], description: 'Sources : textes, circulaires, délibérations' })
  @IsArray({ message: 'Les sources sont une liste de textes.' })
  @ArrayMinSize(1, { message: 'Citez au moins une source.' })
  @ArrayMaxSize(50, { message: 'Citez au plus 50 sources.' })
  @IsString({ each: true, message: 'Chaque source est un texte.' })
  @MaxLength(500, { each: true, message: 'Une source dépasse 500 caractères : raccourcissez-la (un titre et une référence suffisent).' })
  sources!: string[];
  @ApiProperty({ description: 'Ce qui change dans cette version' }) @IsString({ message: 'La note doit être un texte.' }) @MaxLength(4000, { message: 'La note dépasse 4 000 caractères.' }) note!: string;
  @ApiProperty({ type: [RuleSetSchemeDto] }) @IsArray({ message: 'Les dispositifs sont une liste.' }) @ArrayMaxSize(50, { message: 'Décrivez au plus 50 dispositifs.' }) @ValidateNested({ each: true }) @Type(() => RuleSetSchemeDto) schemes!: RuleSetSchemeDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Règles publicodes (clés en français, voir le jeu de départ)' }) @IsObject({ message: 'Les règles sont un objet publicodes.' }) rules!: Record<string, unknown>;
}
