import type { ChangeDocumentVisibility } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class ChangeDocumentVisibilityCommand extends ProjectCommandMessage<ChangeDocumentVisibility> {}
