import type { ReopenQuestion } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class ReopenQuestionCommand extends ProjectCommandMessage<ReopenQuestion> {}
