import { PublicContentDto } from './public-content.dto.js';

/** `POST /projects/:id/publication-request`: version 1 of the public content. */
export class RequestPublicationRequestDto extends PublicContentDto {}
