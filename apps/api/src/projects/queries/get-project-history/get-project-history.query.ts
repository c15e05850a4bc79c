import { Query } from '@nestjs/cqrs';
import type { HistoryEntry } from '@carnet/contracts';

export class GetProjectHistoryQuery extends Query<HistoryEntry[]> {
  constructor(
    readonly projectId: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
