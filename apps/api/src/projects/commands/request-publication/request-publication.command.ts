import type { RequestPublication } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class RequestPublicationCommand extends ProjectCommandMessage<RequestPublication> {}
