import type { InvolvePartner } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class InvolvePartnerCommand extends ProjectCommandMessage<InvolvePartner> {}
