import type { RequestPublicationRequest } from '@carnet/contracts';
import { DESCRIPTION_MAX } from '@carnet/domain';
import { TextField } from '../../project-fields.dto.js';

export class RequestPublicationRequestDto implements RequestPublicationRequest {
  @TextField('Le résumé public', DESCRIPTION_MAX) summary!: string;
}
