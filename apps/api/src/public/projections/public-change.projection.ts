import type { RecordedEvent } from '@carnet/event-store';
import { PROJECT_STREAM_PREFIX } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';
import { evolvePublicProject, PUBLIC_FACT_EVENTS, type PublicChange, type PublicProjectDoc } from './public-project.projection.js';

/** One entry of the public change feed. */
export interface PublicChangeEntry extends PublicChange {
  entry: true;
  projectId: string;
  /** The project's commune: the feed of one Département reads the codes that begin with its own (issue #17). */
  codeInsee: string | null;
}

/** The state document of a project in this collection (not an entry: `entry` is false). */
type StateDoc = PublicProjectDoc & { entry: false };
export type PublicChangeDoc = PublicChangeEntry | StateDoc;

// Only these events can change what the public sees: the others only feed the project's state.
const MAY_CHANGE_PUBLIC = new Set(['ProjectPublished', 'PublicationWithdrawn', 'DocumentVisibilityChanged', 'DocumentRemoved']);

const stateKey = (projectId: string) => `project-${projectId}`;
/** Entries are keyed by log position, zero-padded so that ids sort like positions. */
export const changeKey = (position: number) => `change-${String(position).padStart(15, '0')}`;

/**
 * `public_changes`: the change feed (issue #5). Per project, a state document (the same fold as
 * `public_projects`) says whether an event changed the public fiche; if it did, an entry keyed by the
 * event's log position records `published` (first approval, or again after a withdrawal), `updated`
 * (a later approval, or a public document that is no longer public) or `withdrawn`. An event that
 * changes nothing public (a request, a revision, a withdrawal before any approval) leaves no entry.
 */
export const publicChangeProjection: Projection<PublicChangeDoc> = {
  collection: 'public_changes',
  indexedFields: ['entry', 'position', 'codeInsee'],
  keyOf: (e: RecordedEvent) => {
    if (!PUBLIC_FACT_EVENTS.has(e.type) || !e.streamId.startsWith(PROJECT_STREAM_PREFIX)) return null;
    const state = stateKey(e.streamId.slice(PROJECT_STREAM_PREFIX.length));
    // The state first: the entry reads it once this event is applied to it.
    return MAY_CHANGE_PUBLIC.has(e.type) ? [state, changeKey(e.position)] : state;
  },
  evolve: (doc, event, key, sibling) => {
    const projectId = event.streamId.slice(PROJECT_STREAM_PREFIX.length);
    if (key === stateKey(projectId)) {
      const next = evolvePublicProject(doc && !doc.entry ? doc : null, event);
      return next ? { ...next, entry: false } : null;
    }
    const state = sibling(stateKey(projectId));
    const change = state && !state.entry ? state.lastChange : null;
    if (!change || change.position !== event.position) return null;
    return { entry: true, projectId, codeInsee: state && !state.entry ? state.codeInsee : null, ...change };
  },
};
