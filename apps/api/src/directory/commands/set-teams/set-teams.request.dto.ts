import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { DEPARTEMENT_TEAMS, type DepartementTeam } from '@carnet/domain';

export class SetTeamsRequestDto {
  @ApiProperty({ enum: DEPARTEMENT_TEAMS, isArray: true, description: 'Équipes de l’agent ; liste vide = aucune' })
  @IsArray({ message: 'Les équipes doivent être une liste.' })
  @ArrayMaxSize(DEPARTEMENT_TEAMS.length, { message: 'Trop d’équipes.' })
  @IsIn(DEPARTEMENT_TEAMS as unknown as string[], { each: true, message: `Chaque équipe doit être l’une de : ${DEPARTEMENT_TEAMS.join(', ')}.` })
  teams!: DepartementTeam[];
}
