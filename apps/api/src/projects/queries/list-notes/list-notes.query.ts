import { Query } from '@nestjs/cqrs';
import type { NoteView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export class ListNotesQuery extends Query<NoteView[]> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor | null,
    readonly minPosition?: number,
  ) {
    super();
  }
}
