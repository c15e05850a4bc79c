import type { AddDocumentVersion } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

/** Records an uploaded file (already in the blob store) as the next version of a document. */
export class AddDocumentVersionCommand extends ProjectCommandMessage<AddDocumentVersion> {}
