import { Query } from '@nestjs/cqrs';
import type { WaitingQueue } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export class GetWaitingQueueQuery extends Query<WaitingQueue> {
  constructor(
    readonly actor: Actor,
    readonly minPosition?: number,
  ) {
    super();
  }
}
