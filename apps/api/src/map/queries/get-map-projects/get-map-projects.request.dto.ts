import { OmitType } from '@nestjs/swagger';
import { ListProjectsRequestDto } from '../../../projects/queries/list-projects/list-projects.request.dto.js';

/** The filters of the projects list, for the map: the same rules, without paging (the map shows every project). */
export class GetMapProjectsRequestDto extends OmitType(ListProjectsRequestDto, ['offset', 'limit'] as const) {}
