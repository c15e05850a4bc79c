import { Inject, Injectable } from '@nestjs/common';
import { CATEGORY_LABELS, FAQ_AUDIENCE_LABELS, FAQ_STATUS_LABELS, ROLE_LABELS, TEAM_LABELS, EVENT_TYPE_LABELS, type FaqHistory, type FaqHistoryEntry } from '@carnet/contracts';
import { faqEntryDecider, faqStreamId, type FaqContent, type FaqEntryEvent, type FaqEntryState } from '@carnet/domain';
import type { EventStore } from '@carnet/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { PeopleDirectory } from '../shared/people-directory.js';

type Field = keyof FaqContent | 'status';
const FIELD_LABELS: Record<Field, string> = {
  question: 'Question',
  answer: 'Réponse',
  category: 'Catégorie',
  keywords: 'Mots-clés',
  team: 'Équipe responsable',
  audience: 'Public',
  status: 'Statut',
};

const show = (field: Field, state: FaqEntryState): string => {
  if (field === 'status') return state.status ? FAQ_STATUS_LABELS[state.status] : '—';
  const c = state.content;
  if (!c) return '—';
  switch (field) {
    case 'category':
      return CATEGORY_LABELS[c.category];
    case 'team':
      return TEAM_LABELS[c.team];
    case 'audience':
      return FAQ_AUDIENCE_LABELS[c.audience];
    case 'keywords':
      return c.keywords.join(', ') || '—';
    default:
      return c[field];
  }
};

const SUMMARIES: Record<FaqEntryEvent['type'], string> = {
  FaqEntryDrafted: 'Brouillon rédigé',
  FaqEntryProposed: 'Entrée proposée par une commune',
  FaqEntryRevised: 'Contenu modifié',
  FaqEntryPublished: 'Entrée publiée',
  FaqEntryUnpublished: 'Entrée retirée de la publication',
  FaqEntryArchived: 'Entrée archivée',
  FaqEntryDeclined: 'Proposition refusée',
  FaqEntryVerified: 'Entrée vérifiée : toujours juste',
};

/**
 * A FAQ entry's history is its stream `faq-<id>` (as a project's, ADR 0016), read here in the
 * audit area (ADR 0009): every event, who did it (name now, role then), what changed and why.
 */
@Injectable()
export class FaqHistoryLog {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly people: PeopleDirectory,
  ) {}

  /** The entry's history, or null when it does not exist or is another Département's FAQ (`homeDepartement`: that of older entries, issue #17). */
  async history(entryId: string, departement: string, homeDepartement: string): Promise<FaqHistory | null> {
    const events = await this.events.readStream(faqStreamId(entryId));
    if (events.length === 0) return null;
    const owner = events.reduce((s, e) => faqEntryDecider.evolve(s, e as unknown as FaqEntryEvent), faqEntryDecider.initialState()).departement ?? homeDepartement;
    if (owner !== departement) return null;
    const view = await this.people.viewer(events.map((e) => e.metadata.actorId));
    let state = faqEntryDecider.initialState();
    const entries: FaqHistoryEntry[] = [];
    for (const e of events) {
      const before = state;
      state = faqEntryDecider.evolve(state, e as unknown as FaqEntryEvent);
      const changes = (Object.keys(FIELD_LABELS) as Field[])
        .map((field) => ({ field, label: FIELD_LABELS[field], before: show(field, before), after: show(field, state) }))
        .filter((c) => c.before !== c.after);
      const person = view(e.metadata.actorId, e.metadata.actorRole);
      const reason = (e.data as { reason?: unknown }).reason;
      entries.push({
        position: e.position,
        revision: e.revision,
        type: e.type,
        typeLabel: EVENT_TYPE_LABELS[e.type] ?? 'Évènement',
        at: e.metadata.recordedAt,
        actor: { id: person.id, name: person.name, role: e.metadata.actorRole, roleLabel: ROLE_LABELS[e.metadata.actorRole as keyof typeof ROLE_LABELS] ?? '' },
        summary: SUMMARIES[e.type as FaqEntryEvent['type']] ?? 'Évènement',
        why: typeof reason === 'string' && reason ? reason : null,
        changes,
      });
    }
    return { entryId, question: state.content?.question ?? '', entries };
  }
}
