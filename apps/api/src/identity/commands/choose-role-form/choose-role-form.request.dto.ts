import { ApiProperty } from '@nestjs/swagger';
import { ROLE_FORMS, type RoleForm, type RoleFormRequest } from '@carnet/contracts';
import { IsIn } from 'class-validator';

export class ChooseRoleFormRequestDto implements RoleFormRequest {
  @ApiProperty({ enum: ROLE_FORMS, description: '« Administrateur » (masculine) ou « Administratrice » (feminine)…', example: 'feminine' })
  @IsIn(ROLE_FORMS, { message: 'La forme choisie doit être masculine ou feminine.' })
  roleForm!: RoleForm;
}
