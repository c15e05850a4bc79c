import { Query } from '@nestjs/cqrs';
import type { CommuneView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export class ListCommunesQuery extends Query<CommuneView[]> {
  constructor(
    readonly withProjectsOnly: boolean,
    readonly actor: Actor | null,
  ) {
    super();
  }
}
