import { Query } from '@nestjs/cqrs';
import type { HistoryEntry } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export class GetProjectHistoryQuery extends Query<HistoryEntry[]> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor | null,
    readonly minPosition?: number,
  ) {
    super();
  }
}
