import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '@carnet/domain';
import { NotBlank } from '../../../shared/field-rules.js';

export class CreateOrganisationRequestDto {
  @ApiProperty({ example: 'CAUE du Val-d’Oise', maxLength: 160 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'Le nom doit être un texte.' })
  @NotBlank('Le nom')
  @MaxLength(160, { message: 'Le nom dépasse 160 caractères.' })
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS as unknown as string[], { message: `Le type doit être l’un de : ${ORGANISATION_KINDS.join(', ')}.` })
  kind!: OrganisationKind;
}
