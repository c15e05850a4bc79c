import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminAccountKind, AdminInvitationRequest, InviteToCommuneRequest, SeatKind } from '@carnet/contracts';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NotBlank, SingleLine } from '../../../shared/field-rules.js';

class InviteeFields {
  @ApiProperty({ example: 'julie.durand@mairie-ableiges.fr' })
  @IsEmail({}, { message: 'L’adresse e-mail n’est pas valide.' })
  @MaxLength(254, { message: 'L’adresse e-mail est trop longue.' })
  @SingleLine('L’adresse e-mail')
  email!: string;

  @ApiProperty({ example: 'Julie Durand' })
  @IsString({ message: 'Le nom doit être un texte.' })
  @NotBlank('Le nom')
  @MaxLength(120, { message: 'Le nom ne doit pas dépasser 120 caractères.' })
  @SingleLine('Le nom')
  displayName!: string;
}

export class InviteToCommuneRequestDto extends InviteeFields implements InviteToCommuneRequest {
  @ApiProperty({ enum: ['mayor', 'collaborator'] })
  @IsIn(['mayor', 'collaborator'], { message: 'La place doit être « mayor » ou « collaborator ».' })
  seat!: SeatKind;
}

export class AdminInvitationRequestDto extends InviteeFields implements AdminInvitationRequest {
  @ApiProperty({ enum: ['departement_agent', 'departement_admin', 'auditor', 'partner_member'] })
  @IsIn(['departement_agent', 'departement_admin', 'auditor', 'partner_member'], { message: 'Le type de compte est inconnu.' })
  kind!: AdminAccountKind;

  @ApiPropertyOptional({ example: 'org-caue-95' })
  @IsOptional()
  @IsString({ message: 'L’organisation doit être un identifiant.' })
  organisationId?: string;

  @ApiPropertyOptional({ example: '78', description: 'Le département pour lequel la personne travaillera : obligatoire pour un administrateur national ; sinon celui de l’administrateur', pattern: '^(\\d{2}|2A|2B|9[78]\\d)$' })
  @IsOptional()
  @Matches(/^(\d{2}|2A|2B|9[78]\d)$/, { message: 'Le département est un code officiel, par exemple 95, 2A ou 971.' })
  departement?: string;
}
