import type { AskQuestionRequest, QuestionCategory } from '@carnet/contracts';
import { CategoryField, DocumentIdsField, TextField } from '../../project-fields.dto.js';

export class AskQuestionRequestDto implements AskQuestionRequest {
  @CategoryField() category!: QuestionCategory;
  @TextField('La question') text!: string;
  @DocumentIdsField() documentIds?: string[];
}
