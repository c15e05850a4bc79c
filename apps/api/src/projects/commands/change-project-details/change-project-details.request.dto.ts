import type { ChangeProjectDetailsRequest, ProjectTheme } from '@carnet/contracts';
import { CostField, DescriptionField, ThemeField, TitleField } from '../../project-fields.dto.js';

export class ChangeProjectDetailsRequestDto implements ChangeProjectDetailsRequest {
  @TitleField(false) title?: string;
  @DescriptionField() description?: string;
  @ThemeField(false) theme?: ProjectTheme;
  @CostField() estimatedCostHt?: number | null;
}
