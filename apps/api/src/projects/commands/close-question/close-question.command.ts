import type { CloseQuestion } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class CloseQuestionCommand extends ProjectCommandMessage<CloseQuestion> {}
