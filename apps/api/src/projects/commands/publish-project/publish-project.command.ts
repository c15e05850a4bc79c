import type { PublishProject } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class PublishProjectCommand extends ProjectCommandMessage<PublishProject> {}
