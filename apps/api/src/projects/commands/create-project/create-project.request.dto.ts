import type { CreateProjectRequest, ProjectTheme } from '@carnet/contracts';
import { CodeInseeField, CostField, DescriptionField, ThemeField, TitleField } from '../../project-fields.dto.js';

export class CreateProjectRequestDto implements CreateProjectRequest {
  @CodeInseeField() codeInsee!: string;
  @TitleField(true) title!: string;
  @DescriptionField() description?: string;
  @ThemeField(true) theme!: ProjectTheme;
  @CostField() estimatedCostHt?: number | null;
}
