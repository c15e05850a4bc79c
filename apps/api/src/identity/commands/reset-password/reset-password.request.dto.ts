import { ApiProperty } from '@nestjs/swagger';
import type { NewPasswordRequest, PasswordResetRequest } from '@carnet/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SingleLine } from '../../../shared/field-rules.js';

export class PasswordResetRequestDto implements PasswordResetRequest {
  @ApiProperty({ example: 'claire.martin@demo.carnet.invalid' })
  @IsString({ message: 'L’adresse e-mail doit être un texte.' })
  @IsNotEmpty({ message: 'L’adresse e-mail est obligatoire.' })
  @MaxLength(254, { message: 'L’adresse e-mail est trop longue.' })
  @SingleLine('L’adresse e-mail')
  email!: string;
}

export class NewPasswordRequestDto implements NewPasswordRequest {
  @ApiProperty({ description: '12 à 128 caractères, pas un mot de passe courant' })
  @IsString({ message: 'Le mot de passe doit être un texte.' })
  password!: string;
}
