import type { AddDocument } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

/** Records an uploaded file (already in the blob store) as a new document; the handler gives it its id. */
export class AddDocumentCommand extends ProjectCommandMessage<AddDocument> {}
