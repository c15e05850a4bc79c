import {
  eventTypeLabel,
  shortFingerprint,
  PUBLICATION_LABELS,
  QUESTION_STATUS_LABELS,
  STEP_LABELS,
  THEME_LABELS,
  type AuditChange,
  type AuditHistoryEntry,
  type ProjectStep,
  type ProjectTheme,
} from '@carnet/contracts';
import { upcastProjectEvent } from '@carnet/domain';
import type { RecordedEvent } from '@carnet/event-store';
import { evolveProject, type ProjectDoc } from '../projects/projections/project.projection.js';
import { describeEvent, documentTitles, peopleInData, type EventNames, type Viewer } from '../projects/project.views.js';

/**
 * Pure replay of one project's stream, for auditors (ADR 0009): the same `evolveProject` that
 * builds the read model is folded in memory over the events read from the log, so what an auditor
 * sees at a date is exactly what the events say, not what a read model remembers.
 */

/** The project rebuilt from the events recorded at or before a date. */
export interface ProjectReplay {
  doc: ProjectDoc | null;
  eventsApplied: number;
  /** Log position of the last event applied (0 when none). */
  lastPosition: number;
}

/**
 * Folds `evolveProject` over the events of one project stream recorded at or before `at`
 * (events in stream order, as `readStream` gives them). Exported for `npm run bench`.
 */
export function projectAsOf(events: readonly RecordedEvent[], at: Date): ProjectReplay {
  const limit = at.getTime();
  // Dates written by the API (`toISOString`, UTC, milliseconds) compare as text; any other form is parsed.
  const limitText = limit >= 0 && limit < 253402300800000 ? at.toISOString() : null;
  const isLater = (recordedAt: string): boolean =>
    limitText !== null && recordedAt.length === 24 && recordedAt[23] === 'Z' && recordedAt[10] === 'T' ? recordedAt > limitText : Date.parse(recordedAt) > limit;
  let doc: ProjectDoc | null = null;
  let eventsApplied = 0;
  let lastPosition = 0;
  for (const event of events) {
    // Filter rather than stop at the first later event: recordedAt is decided per command and is not
    // guaranteed to grow with the revision (a clock set back, imported data).
    if (isLater(event.metadata.recordedAt)) continue;
    doc = evolveProject(doc, event);
    eventsApplied++;
    lastPosition = event.position;
  }
  return { doc, eventsApplied, lastPosition };
}

const EMPTY = '—';
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const quoted = (text: string | null | undefined): string => (text ? `« ${text} »` : EMPTY);
const cost = (value: number | null | undefined): string => (value === null || value === undefined ? 'non renseigné' : `${euros.format(value)} HT`);

type Field = { field: string; label: string; read: (doc: ProjectDoc) => string };

/** The fields an auditor compares, in the order a project page shows them, with readable values. */
const FIELDS: Field[] = [
  { field: 'title', label: 'Titre', read: (d) => quoted(d.title) },
  { field: 'description', label: 'Description', read: (d) => quoted(d.description) },
  { field: 'theme', label: 'Thème', read: (d) => THEME_LABELS[d.theme as ProjectTheme] ?? d.theme },
  { field: 'estimatedCostHt', label: 'Coût estimé', read: (d) => cost(d.estimatedCostHt) },
  { field: 'step', label: 'Étape', read: (d) => STEP_LABELS[d.step as ProjectStep] ?? d.step },
  { field: 'progress', label: 'Avancement', read: (d) => `${d.progress} %` },
  { field: 'questions', label: 'Questions posées', read: (d) => String(d.questions.length) },
  { field: 'openQuestions', label: 'Questions en attente de réponse', read: (d) => String(d.openQuestions) },
  { field: 'answers', label: 'Réponses apportées', read: (d) => String(d.questions.reduce((n, q) => n + q.answers.length, 0)) },
  { field: 'publication', label: 'Publication', read: (d) => PUBLICATION_LABELS[d.publication] ?? d.publication },
  { field: 'publicationVersion', label: 'Version à publier', read: (d) => (d.publicationWork ? `version ${d.publicationWork.latest.version}` : EMPTY) },
  { field: 'publicationTitle', label: 'Titre public', read: (d) => quoted(d.publicationWork?.latest.content.title ?? null) },
  { field: 'publicationText', label: 'Bilan proposé à la publication', read: (d) => quoted(d.publicationWork?.latest.content.summary ?? null) },
  {
    field: 'publicationFinalCost',
    label: 'Coût final',
    read: (d) => (d.publicationWork ? cost(d.publicationWork.latest.content.finalCostHt) : EMPTY),
  },
  {
    field: 'publicationFunding',
    label: 'Financements obtenus',
    read: (d) => d.publicationWork?.latest.content.funding.map((f) => `${f.source} : ${euros.format(f.amountHt)} HT`).join(' ; ') || EMPTY,
  },
  { field: 'publicationLessons', label: 'Retour d’expérience', read: (d) => quoted(d.publicationWork?.latest.content.lessonsLearned || null) },
  {
    field: 'publicationDocuments',
    label: 'Documents publics',
    read: (d) => {
      const refs = d.publicationWork?.latest.content.documents ?? [];
      const title = (id: string) => (d.documents ?? []).find((doc) => doc.id === id)?.title ?? 'document retiré';
      return refs.map((r) => `« ${title(r.documentId)} » (version ${r.version})`).join(', ') || EMPTY;
    },
  },
  {
    field: 'publicationApproved',
    label: 'Version publiée',
    read: (d) =>
      d.publicationWork?.approved
        ? `version ${d.publicationWork.approved.version}${d.publicationWork.approved.fingerprint ? ` (empreinte ${shortFingerprint(d.publicationWork.approved.fingerprint)})` : ''}`
        : EMPTY,
  },
  {
    field: 'location',
    label: 'Emplacement sur la carte',
    read: (d) => (d.location ? `${d.location.latitude.toFixed(5).replace('.', ',')} N, ${d.location.longitude.toFixed(5).replace('.', ',')} E` : 'la commune entière'),
  },
  { field: 'partners', label: 'Partenaires associés', read: (d) => String((d.partners ?? []).length) },
  {
    field: 'documents',
    label: 'Documents',
    read: (d) =>
      (d.documents ?? [])
        .map((doc) => `« ${doc.title} » (version ${doc.versions[doc.versions.length - 1]?.version ?? 1}${doc.public ? ', public' : ''})`)
        .join(', ') || EMPTY,
  },
];

const CREATED_WITH = new Set(['title', 'description', 'theme', 'estimatedCostHt', 'step', 'progress']);

const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One line per question: its status and who has it (« Prise en charge — Sophie Bernard »). */
function questionChanges(before: ProjectDoc | null, after: ProjectDoc, personName: (id: string) => string): AuditChange[] {
  const line = (q: ProjectDoc['questions'][number] | undefined): string => {
    if (!q) return EMPTY;
    const status = QUESTION_STATUS_LABELS[q.status] ?? q.status;
    return q.assignee ? `${status} — ${personName(q.assignee.accountId)}` : status;
  };
  return after.questions.flatMap((q) => {
    const b = line(before?.questions.find((x) => x.id === q.id));
    const a = line(q);
    return a === b ? [] : [{ field: `question:${q.id}`, label: `Question « ${clip(q.text)} »`, before: b, after: a }];
  });
}

/** What differs between two states of a project, field by field, in French (« Titre : « A » → « B » »). */
export function diffProjects(
  before: ProjectDoc | null,
  after: ProjectDoc | null,
  partnerName: (id: string) => string = (id) => id,
  personName: (id: string) => string = (id) => id,
): AuditChange[] {
  if (!after) return [];
  const fields = FIELDS.map((f) =>
    f.field === 'partners' ? { ...f, read: (d: ProjectDoc) => ((d.partners ?? []).map(partnerName).join(', ') || EMPTY) } : f,
  );
  // A new project: what it was created with, not a list of empty counters.
  const shown = before ? fields : fields.filter((f) => CREATED_WITH.has(f.field));
  const changes = shown.flatMap(({ field, label, read }) => {
    const b = before ? read(before) : EMPTY;
    const a = read(after);
    return a === b ? [] : [{ field, label, before: b, after: a }];
  });
  return [...changes, ...questionChanges(before, after, personName)];
}

/** The comment or reason that came with an event, when it has one. */
export function whyOf(event: RecordedEvent): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const why = data.reason ?? data.comment;
  return typeof why === 'string' && why.trim() ? why : null;
}

const chainOf = (event: RecordedEvent): { hash: string | null; previousHash: string | null } => {
  // The hash chain is recorded by the event store (libs/event-store, verifyLog); older logs have none.
  const chained = event as RecordedEvent & { hash?: string | null; previousHash?: string | null };
  return { hash: chained.hash ?? null, previousHash: chained.previousHash ?? null };
};

function summaryOf(event: RecordedEvent, names: EventNames): string {
  const data = (upcastProjectEvent(event).data ?? {}) as Record<string, unknown>;
  if (event.type === 'PartnerInvolved') return `Partenaire associé au projet : ${names.organisation(String(data.organisationId))}`;
  return describeEvent(event.type, data, names);
}

export interface HistoryFilter {
  types?: string[];
  actorId?: string;
  from?: Date;
  to?: Date;
}

/**
 * Every event of a project stream as an auditor reads it. Each entry's changes come from folding
 * the state before it with `evolveProject`; filters apply after the fold (a diff needs every
 * earlier event, whoever wrote it).
 */
export function projectHistory(
  events: readonly RecordedEvent[],
  view: Viewer,
  filter: HistoryFilter = {},
  partnerName?: (id: string) => string,
): AuditHistoryEntry[] {
  const entries: AuditHistoryEntry[] = [];
  let state: ProjectDoc | null = null;
  const names: EventNames = { person: (id) => view(id, 'departement_agent').name, organisation: partnerName ?? ((id) => id), document: documentTitles(events) };
  for (const event of events) {
    const next = evolveProject(state, event);
    const at = event.metadata.recordedAt;
    const time = Date.parse(at);
    const kept =
      (!filter.types?.length || filter.types.includes(event.type)) &&
      (!filter.actorId || event.metadata.actorId === filter.actorId) &&
      (!filter.from || time >= filter.from.getTime()) &&
      (!filter.to || time <= filter.to.getTime());
    if (kept) {
      entries.push({
        position: event.position,
        revision: event.revision,
        type: event.type,
        typeLabel: eventTypeLabel(event.type),
        at,
        actor: view(event.metadata.actorId, event.metadata.actorRole),
        why: whyOf(event),
        summary: summaryOf(event, names),
        changes: diffProjects(state, next, partnerName, names.person),
        ...chainOf(event),
        requestId: event.metadata.requestId ?? null,
      });
    }
    state = next;
  }
  return entries;
}

/** Ids of the people named by a stream's events and by the questions of the rebuilt project. */
export function peopleInEvents(events: readonly RecordedEvent[]): string[] {
  return [...new Set(events.flatMap((e) => [e.metadata.actorId, ...peopleInData((e.data ?? {}) as Record<string, unknown>)]))];
}
