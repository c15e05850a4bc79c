import type { AnswerQuestion } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class AnswerQuestionCommand extends ProjectCommandMessage<AnswerQuestion> {}
