import type { AssignQuestion } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class AssignQuestionCommand extends ProjectCommandMessage<AssignQuestion> {}
