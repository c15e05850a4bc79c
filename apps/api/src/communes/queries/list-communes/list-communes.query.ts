import { Query } from '@nestjs/cqrs';
import type { CommuneView } from '@carnet/contracts';

export class ListCommunesQuery extends Query<CommuneView[]> {
  constructor(readonly withProjectsOnly: boolean) {
    super();
  }
}
