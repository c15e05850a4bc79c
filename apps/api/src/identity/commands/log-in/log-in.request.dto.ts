import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@carnet/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SingleLine } from '../../../shared/field-rules.js';

export class LogInRequestDto implements LoginRequest {
  @ApiProperty({ example: 'claire.martin@demo.carnet.invalid' })
  @IsString({ message: 'L’adresse e-mail doit être un texte.' })
  @IsNotEmpty({ message: 'L’adresse e-mail est obligatoire.' })
  @MaxLength(254, { message: 'L’adresse e-mail est trop longue.' })
  @SingleLine('L’adresse e-mail')
  email!: string;

  @ApiProperty({ example: 'demo-carnet-2026' })
  @IsString({ message: 'Le mot de passe doit être un texte.' })
  @IsNotEmpty({ message: 'Le mot de passe est obligatoire.' })
  @MaxLength(1024, { message: 'Le mot de passe est trop long.' })
  password!: string;
}
