import type { TakeQuestionInCharge } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class TakeQuestionInChargeCommand extends ProjectCommandMessage<TakeQuestionInCharge> {}
