import { ApiProperty } from '@nestjs/swagger';
import type { AssignQuestionRequest } from '@carnet/contracts';
import { IsString, Matches } from 'class-validator';

export class AssignQuestionRequestDto implements AssignQuestionRequest {
  @ApiProperty({ description: 'Compte de l’agent du Département ou du membre d’un partenaire associé au projet', example: 'persona-agent-finances' })
  @IsString({ message: 'Indiquez la personne à qui attribuer la question.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, { message: 'Identifiant de personne invalide.' })
  assigneeId!: string;
}
