import type { WithdrawPublicationRequest } from '@carnet/contracts';
import { PUBLICATION_REASON_MAX } from '@carnet/domain';
import { TextField } from '../../project-fields.dto.js';

export class WithdrawPublicationRequestDto implements WithdrawPublicationRequest {
  @TextField('La raison du retrait', PUBLICATION_REASON_MAX) reason!: string;
}
