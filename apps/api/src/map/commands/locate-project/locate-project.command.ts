import type { LocateProject } from '@carnet/domain';
import { ProjectCommandMessage } from '../../../projects/project-command.message.js';

export class LocateProjectCommand extends ProjectCommandMessage<LocateProject> {}
