import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLE_FORMS, type AcceptInvitationRequest, type RoleForm } from '@carnet/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { NotBlank, SingleLine } from '../../../shared/field-rules.js';

export class AcceptInvitationRequestDto implements AcceptInvitationRequest {
  @ApiProperty({ example: 'Julie Durand' })
  @IsString({ message: 'Le nom doit être un texte.' })
  @NotBlank('Le nom')
  @MaxLength(120, { message: 'Le nom ne doit pas dépasser 120 caractères.' })
  @SingleLine('Le nom')
  displayName!: string;

  @ApiProperty({ description: '12 à 128 caractères, pas un mot de passe courant', example: 'le préau fuit encore' })
  @IsString({ message: 'Le mot de passe doit être un texte.' })
  password!: string;

  @ApiPropertyOptional({ enum: ROLE_FORMS, description: 'Comment écrire la fonction : « Collaborateur » (masculine) ou « Collaboratrice » (feminine)' })
  @IsOptional()
  @IsIn(ROLE_FORMS, { message: 'La forme choisie doit être masculine ou feminine.' })
  roleForm?: RoleForm;
}
