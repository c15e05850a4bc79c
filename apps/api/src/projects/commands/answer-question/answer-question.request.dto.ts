import type { AnswerQuestionRequest } from '@carnet/contracts';
import { TextField } from '../../project-fields.dto.js';

export class AnswerQuestionRequestDto implements AnswerQuestionRequest {
  @TextField('La réponse') text!: string;
}
