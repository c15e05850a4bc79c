import type { AskQuestion } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class AskQuestionCommand extends ProjectCommandMessage<AskQuestion> {}
