import type { RemoveDocument } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class RemoveDocumentCommand extends ProjectCommandMessage<RemoveDocument> {}
