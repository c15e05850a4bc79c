import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest } from '@carnet/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ChangePasswordRequestDto implements ChangePasswordRequest {
  @ApiProperty({ description: 'Le mot de passe actuel', maxLength: 1024 })
  @IsString({ message: 'Le mot de passe actuel doit être un texte.' })
  @IsNotEmpty({ message: 'Indiquez votre mot de passe actuel.' })
  @MaxLength(1024, { message: 'Le mot de passe actuel est trop long.' })
  currentPassword!: string;

  @ApiProperty({ description: 'Le nouveau : 12 à 128 caractères, pas un mot de passe courant' })
  @IsString({ message: 'Le nouveau mot de passe doit être un texte.' })
  password!: string;
}
