import type { RecordedEvent } from '@carnet/event-store';
import {
  PROJECT_STEPS,
  PROJECT_STREAM_PREFIX,
  writtenVersionOf,
  type ProjectLocation,
  type PublicContent,
  type PublicFunding,
  type ProjectStep,
  type ProjectTheme,
} from '@carnet/domain';
import type { Projection } from '@carnet/read-store';
import { publicationFingerprint } from '../../shared/fingerprint.js';

/*
 * What the public sees of a project (issue #5): ONLY the version of the public content the mayor
 * approved, with facts frozen at the approval. Nothing here is ever read from the project's current
 * state at request time: a revision after approval, a new title, a new step change nothing until the
 * next approval. The only change the public sees between two approvals is a removal: a document
 * listed in the approved content that is no longer public (made private or removed) disappears.
 */

/** Cost bands of the public filters (final cost excluding VAT). */
export const COST_BANDS = ['moins-50000', '50000-200000', '200000-1000000', 'plus-1000000', 'non-communique'] as const;
export type CostBand = (typeof COST_BANDS)[number];

export const COST_BAND_LABELS: Record<CostBand, string> = {
  'moins-50000': 'Moins de 50 000 € HT',
  '50000-200000': 'De 50 000 à 200 000 € HT',
  '200000-1000000': 'De 200 000 € à 1 million € HT',
  'plus-1000000': 'Plus d’un million € HT',
  'non-communique': 'Coût non communiqué',
};

export function costBandOf(finalCostHt: number | null): CostBand {
  if (finalCostHt === null) return 'non-communique';
  if (finalCostHt < 50_000) return 'moins-50000';
  if (finalCostHt < 200_000) return '50000-200000';
  if (finalCostHt < 1_000_000) return '200000-1000000';
  return 'plus-1000000';
}

/** A public document as approved; `blobKey` is used by the download endpoint and never served. */
export interface PublicDocumentView {
  documentId: string;
  version: number;
  title: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  blobKey: string;
}

export interface PublicStepView {
  step: ProjectStep;
  reachedAt: string;
}

/** The public fiche of a project: the approved content plus the facts frozen when it was approved. */
export interface PublicProjectView {
  projectId: string;
  /** Approved version of the public content and its fingerprint (null for an approval recorded before fingerprints). */
  version: number;
  fingerprint: string | null;
  title: string;
  summary: string;
  finalCostHt: number | null;
  funding: PublicFunding[];
  lessonsLearned: string;
  codeInsee: string;
  theme: ProjectTheme;
  /** The steps reached, in order, with the date each was (last) reached. */
  timeline: PublicStepView[];
  yearFinished: number;
  /** Listed in the approved content and still public. */
  documents: PublicDocumentView[];
  firstPublishedAt: string;
  publishedAt: string;
  /** The precise point of the approved version (issue #10); null or absent: the commune as a whole. */
  location?: ProjectLocation | null;
}

/** What changed publicly at one log position: the source of a change feed entry. */
export interface PublicChange {
  kind: 'published' | 'updated' | 'withdrawn';
  position: number;
  at: string;
  version: number | null;
}

interface DocumentFacts {
  title: string;
  public: boolean;
  versions: Record<string, Omit<PublicDocumentView, 'documentId' | 'version' | 'title'>>;
}

/** What the projection must remember to build a public fiche at the next approval. Never served. */
export interface PublicationWork {
  codeInsee: string;
  title: string;
  theme: ProjectTheme;
  reached: Partial<Record<ProjectStep, string>>;
  /** Requested or revised versions not approved yet (older ones are pruned at approval). */
  versions: Record<string, PublicContent>;
  latestVersion: number;
  documents: Record<string, DocumentFacts>;
  /** The document references of the approved content (the public list is re-derived from them). */
  approvedDocuments: PublicContent['documents'];
  firstPublishedAt: string | null;
}

export interface PublicProjectDoc {
  /** True while the publication is approved and not withdrawn: the ONLY documents queries read. */
  listed: boolean;
  /** Filter and sort fields, copied from `public` while listed, null otherwise. */
  codeInsee: string | null;
  theme: ProjectTheme | null;
  year: number | null;
  costBand: CostBand | null;
  /** Log position of the approval: unique, the order of the lists and the key of their cursors. */
  approvedPosition: number | null;
  /** When the public fiche last changed (approval or removal of a document). */
  changedAt: string | null;
  public: PublicProjectView | null;
  lastChange: PublicChange | null;
  work: PublicationWork;
}

const PARIS_YEAR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' });
const yearOf = (iso: string): number => Number(PARIS_YEAR.format(new Date(iso)));


/** The only events that feed a public fiche: the others (questions, progress, notes…) are never read, not even loaded. */
export const PUBLIC_FACT_EVENTS: ReadonlySet<string> = new Set([
  'ProjectCreated',
  'ProjectDetailsChanged',
  'StepAdvanced',
  'StepReverted',
  'PublicationRequested',
  'PublicationRevised',
  'ProjectPublished',
  'PublicationWithdrawn',
  'DocumentAdded',
  'DocumentVersionAdded',
  'DocumentVisibilityChanged',
  'DocumentRemoved',
]);

const isPublicFact = (e: RecordedEvent): boolean => PUBLIC_FACT_EVENTS.has(e.type) && e.streamId.startsWith(PROJECT_STREAM_PREFIX);

function documentsOf(work: PublicationWork): PublicDocumentView[] {
  const out: PublicDocumentView[] = [];
  for (const ref of work.approvedDocuments) {
    const facts = work.documents[ref.documentId];
    const version = facts?.versions[String(ref.version)];
    if (!facts || !facts.public || !version) continue;
    out.push({ documentId: ref.documentId, version: ref.version, title: facts.title, ...version });
  }
  return out;
}

function timelineOf(work: PublicationWork): PublicStepView[] {
  return PROJECT_STEPS.filter((s) => work.reached[s]).map((step) => ({ step, reachedAt: work.reached[step]! }));
}

const unlisted = (work: PublicationWork, lastChange: PublicChange | null): PublicProjectDoc => ({
  listed: false,
  codeInsee: null,
  theme: null,
  year: null,
  costBand: null,
  approvedPosition: null,
  changedAt: null,
  public: null,
  lastChange,
  work,
});

/** The public document of a project after one more event of its stream. */
export function evolvePublicProject(doc: PublicProjectDoc | null, recorded: RecordedEvent): PublicProjectDoc | null {
  const at = recorded.metadata.recordedAt;
  const data = recorded.data as Record<string, any>;
  if (recorded.type === 'ProjectCreated') {
    return unlisted(
      {
        codeInsee: data.codeInsee,
        title: data.title,
        theme: data.theme,
        reached: { idee: at },
        versions: {},
        latestVersion: 0,
        documents: {},
        approvedDocuments: [],
        firstPublishedAt: null,
      },
      null,
    );
  }
  if (!doc) return null;
  const work: PublicationWork = { ...doc.work };
  const same = (): PublicProjectDoc => ({ ...doc, work });

  switch (recorded.type) {
    case 'ProjectDetailsChanged':
      if (typeof data.title === 'string') work.title = data.title;
      if (typeof data.theme === 'string') work.theme = data.theme as ProjectTheme;
      return same();
    case 'StepAdvanced':
      work.reached = { ...work.reached, [data.to]: at };
      return same();
    case 'StepReverted': {
      const keep = PROJECT_STEPS.indexOf(data.to);
      work.reached = Object.fromEntries(Object.entries(work.reached).filter(([s]) => PROJECT_STEPS.indexOf(s as ProjectStep) <= keep));
      return same();
    }
    case 'PublicationRequested':
    case 'PublicationRevised': {
      // v1 (`{projectId, summary}`) is read as the domain reads it: the next version, with the project's title.
      const { version, content } = writtenVersionOf(recorded, work)!;
      work.versions = { ...work.versions, [String(version)]: content };
      work.latestVersion = Math.max(work.latestVersion, version);
      return same();
    }
    case 'ProjectPublished': {
      // v1 (`{projectId}`): the approval of the latest requested version, without fingerprint.
      const v1 = recorded.schemaVersion === 1 || data.version === undefined;
      const version = v1 ? work.latestVersion : Number(data.version);
      const content = work.versions[String(version)];
      // Nothing the mayor did not approve may go public: an unknown version, or one whose content
      // does not give the approved fingerprint, publishes nothing.
      if (!content) return same();
      const fingerprint = v1 ? null : String(data.fingerprint);
      if (fingerprint !== null && publicationFingerprint(data.projectId, version, content) !== fingerprint) return same();
      work.versions = Object.fromEntries(Object.entries(work.versions).filter(([v]) => Number(v) > version));
      work.approvedDocuments = content.documents ?? [];
      work.firstPublishedAt = work.firstPublishedAt ?? at;
      const view: PublicProjectView = {
        projectId: data.projectId,
        version,
        fingerprint,
        title: content.title,
        summary: content.summary,
        finalCostHt: content.finalCostHt,
        funding: content.funding ?? [],
        lessonsLearned: content.lessonsLearned ?? '',
        codeInsee: work.codeInsee,
        theme: work.theme,
        timeline: timelineOf(work),
        yearFinished: yearOf(work.reached.termine ?? at),
        documents: documentsOf(work),
        firstPublishedAt: work.firstPublishedAt,
        publishedAt: at,
        // Frozen in the approved content (covered by its fingerprint): a later move waits for the next approval.
        location: content.location ?? null,
      };
      return {
        listed: true,
        codeInsee: view.codeInsee,
        theme: view.theme,
        year: view.yearFinished,
        costBand: costBandOf(view.finalCostHt),
        approvedPosition: recorded.position,
        changedAt: at,
        public: view,
        lastChange: { kind: doc.listed ? 'updated' : 'published', position: recorded.position, at, version },
        work,
      };
    }
    case 'PublicationWithdrawn':
      // A withdrawal of a request never approved changes nothing public (and must not be announced).
      if (!doc.listed) return { ...unlisted(work, doc.lastChange) };
      return unlisted(work, { kind: 'withdrawn', position: recorded.position, at, version: doc.public?.version ?? null });
    case 'DocumentAdded':
    case 'DocumentVersionAdded': {
      const previous = work.documents[data.documentId];
      const facts: DocumentFacts =
        recorded.type === 'DocumentAdded'
          ? { title: data.title, public: Boolean(data.public), versions: {} }
          : previous ?? { title: String(data.fileName), public: false, versions: {} };
      const version = { fileName: data.fileName, mediaType: data.mediaType, size: data.size, sha256: data.sha256, blobKey: data.blobKey };
      work.documents = { ...work.documents, [data.documentId]: { ...facts, versions: { ...facts.versions, [String(data.version)]: version } } };
      return same();
    }
    case 'DocumentVisibilityChanged':
    case 'DocumentRemoved': {
      const facts = work.documents[data.documentId];
      if (!facts) return same();
      if (recorded.type === 'DocumentRemoved') {
        const { [data.documentId]: _removed, ...rest } = work.documents;
        work.documents = rest;
      } else {
        work.documents = { ...work.documents, [data.documentId]: { ...facts, public: Boolean(data.public) } };
      }
      if (!doc.listed || !doc.public) return same();
      // Between two approvals the public may lose a document, never gain one.
      const documents = documentsOf(work).filter((d) => doc.public!.documents.some((p) => p.documentId === d.documentId));
      if (documents.length === doc.public.documents.length) return same();
      return {
        ...doc,
        public: { ...doc.public, documents },
        changedAt: at,
        lastChange: { kind: 'updated', position: recorded.position, at, version: doc.public.version },
        work,
      };
    }
    default:
      return same();
  }
}

/** `public_projects`: one document per project; only `listed` ones are ever served. */
export const publicProjectProjection: Projection<PublicProjectDoc> = {
  collection: 'public_projects',
  indexedFields: ['listed', 'codeInsee', 'theme', 'year', 'costBand', 'approvedPosition', 'changedAt'],
  // The public list: listed fiches, the most recently approved first.
  compoundIndexes: [['listed', 'approvedPosition']],
  keyOf: (e) => (isPublicFact(e) ? e.streamId.slice(PROJECT_STREAM_PREFIX.length) : null),
  evolve: evolvePublicProject,
};
