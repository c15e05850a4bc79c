import type { PostMessageRequest } from '@carnet/contracts';
import { DocumentIdsField, TextField } from '../../project-fields.dto.js';

export class PostMessageRequestDto implements PostMessageRequest {
  @TextField('Le message') text!: string;
  @DocumentIdsField() documentIds?: string[];
}
