import type { ChangeStep } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class ChangeStepCommand extends ProjectCommandMessage<ChangeStep> {}
