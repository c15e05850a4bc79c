import { Query } from '@nestjs/cqrs';
import type { SearchResults, SearchResultType } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export interface SearchFilter {
  q: string;
  type?: SearchResultType;
  commune?: string;
  limit: number;
  offset: number;
  minPosition?: number;
}

export class SearchQuery extends Query<SearchResults> {
  constructor(
    readonly filter: SearchFilter,
    readonly actor: Actor | null,
  ) {
    super();
  }
}
