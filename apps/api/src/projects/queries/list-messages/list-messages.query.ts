import { Query } from '@nestjs/cqrs';
import type { MessageView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export class ListMessagesQuery extends Query<MessageView[]> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor | null,
    readonly minPosition?: number,
  ) {
    super();
  }
}
