import type { AddInternalNote } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class AddInternalNoteCommand extends ProjectCommandMessage<AddInternalNote> {}
