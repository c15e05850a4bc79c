import type { ChangeProjectDetails } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class ChangeProjectDetailsCommand extends ProjectCommandMessage<ChangeProjectDetails> {}
