import type { RevisePublicationRequest } from '@carnet/contracts';
import { PUBLICATION_REASON_MAX } from '@carnet/domain';
import { TextField } from '../../project-fields.dto.js';
import { PublicContentDto } from '../request-publication/public-content.dto.js';

/** A new version of the public content, and why (« Montant de la subvention corrigé », « Nom d’un riverain masqué »). */
export class RevisePublicationRequestDto extends PublicContentDto implements RevisePublicationRequest {
  @TextField('La raison de la modification', PUBLICATION_REASON_MAX) reason!: string;
}
