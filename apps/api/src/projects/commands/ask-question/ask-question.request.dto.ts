import type { AskQuestionRequest, QuestionCategory } from '@carnet/contracts';
import { CategoryField, TextField } from '../../project-fields.dto.js';

export class AskQuestionRequestDto implements AskQuestionRequest {
  @CategoryField() category!: QuestionCategory;
  @TextField('La question') text!: string;
}
