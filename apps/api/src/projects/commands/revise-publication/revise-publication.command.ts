import type { RevisePublication } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class RevisePublicationCommand extends ProjectCommandMessage<RevisePublication> {}
