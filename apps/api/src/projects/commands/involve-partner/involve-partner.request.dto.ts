import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class InvolvePartnerRequestDto {
  @ApiProperty({ example: 'org-caue-95' })
  @IsString({ message: 'Indiquez l’organisation partenaire.' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'Identifiant d’organisation invalide.' })
  organisationId!: string;
}
