import type { PostMessage } from '@carnet/domain';
import { ProjectCommandMessage } from '../../project-command.message.js';

export class PostMessageCommand extends ProjectCommandMessage<PostMessage> {}
