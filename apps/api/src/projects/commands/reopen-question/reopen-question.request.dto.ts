import type { ReopenQuestionRequest } from '@carnet/contracts';
import { TextField } from '../../project-fields.dto.js';

export class ReopenQuestionRequestDto implements ReopenQuestionRequest {
  @TextField('Le motif de réouverture') reason!: string;
}
