import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Min } from 'class-validator';
import type { ApprovePublicationRequest } from '@carnet/contracts';

/** The mayor approves exactly the version read on screen: its number and its fingerprint. */
export class PublishProjectRequestDto implements ApprovePublicationRequest {
  @ApiProperty({ description: 'Numéro de la version approuvée', example: 2, minimum: 1 })
  @IsInt({ message: 'Le numéro de version doit être un nombre entier.' })
  @Min(1, { message: 'Le numéro de version commence à 1.' })
  version!: number;

  @ApiProperty({ description: 'Empreinte SHA-256 de la version lue (64 caractères hexadécimaux)', example: 'a3f1…', pattern: '^[0-9a-f]{64}$' })
  @IsString({ message: 'L’empreinte doit être un texte.' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'L’empreinte doit comporter 64 caractères hexadécimaux.' })
  fingerprint!: string;
}
