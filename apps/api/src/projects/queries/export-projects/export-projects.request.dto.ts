import { OmitType } from '@nestjs/swagger';
import { ListProjectsRequestDto } from '../list-projects/list-projects.request.dto.js';

/** The list's filters; the export has no pages (it holds every matching project). */
export class ExportProjectsRequestDto extends OmitType(ListProjectsRequestDto, ['limit', 'offset'] as const) {}
