import type { WithdrawPublication } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class WithdrawPublicationCommand extends ProjectCommandMessage<WithdrawPublication> {}
