import type { DomainEvent } from '../shared/decider.js';
import type { ProjectLocation } from './project-location.js';

/*
 * Publication of a finished project (issue #5): the shared vocabulary of the events the publication
 * workflow appends to the project stream, and that the public read models (portal, public API, change
 * feed, sitemap, exports) are built from. The rule they serve: the public only ever sees the exact
 * version the mayor approved.
 *
 * - The commune requests publication with a public content (version 1).
 * - The Département (or the commune) revises it: each revision is a new version; the Département may
 *   edit or redact. A revision after approval does not change what the public sees.
 * - The mayor approves one exact version, identified by its fingerprint: only then is it public.
 * - The mayor (or a Département administrator) withdraws the publication: it is gone everywhere.
 */

/** One source of funding obtained, as published (amounts in euros excluding VAT). */
export interface PublicFunding {
  /** « DETR », « Département du Val-d’Oise — aide aux communes rurales », « Fonds vert »… */
  source: string;
  amountHt: number;
}

/** A document of the project shown publicly, at the version that was approved. */
export interface PublicDocumentRef {
  documentId: string;
  version: number;
}

/** What the public reads about a published project: everything in it is covered by the approval. */
export interface PublicContent {
  /** Public title (defaults to the project's title). */
  title: string;
  /** What was done, in plain words. */
  summary: string;
  /** Final cost excluding VAT, in euros; null when the commune does not give it. */
  finalCostHt: number | null;
  funding: PublicFunding[];
  /** What went well, what went wrong, what the commune would do differently. */
  lessonsLearned: string;
  /** Public documents shown with the project (pictures first); each must be a public document of the project. */
  documents: PublicDocumentRef[];
  /**
   * The project's point when this version was written (PublicationRequested v3, PublicationRevised v2):
   * null = the commune as a whole. Absent from older versions (read as null); never added to them, as
   * their fingerprint was computed without it.
   */
  location?: ProjectLocation | null;
}

export interface PublicationRequestedV2Data {
  projectId: string;
  /** Always 1 for a first request; a request after a withdrawal continues the numbering. */
  version: number;
  content: PublicContent;
}
export interface PublicationRevisedData {
  projectId: string;
  version: number;
  content: PublicContent;
  /** Why it was revised (« Montant de la subvention corrigé », « Nom d’un riverain retiré »). */
  reason: string;
}
/**
 * ProjectPublished v2: the mayor approved exactly `version`, whose fingerprint is
 * `sha256_hex(canonicalJson({ projectId, version, content }))` (canonical JSON as in ADR 0008).
 * v1 events (no version, no fingerprint) are read as the approval of the version requested then.
 */
export interface ProjectPublishedV2Data {
  projectId: string;
  version: number;
  fingerprint: string;
}
export interface PublicationWithdrawnData {
  projectId: string;
  reason: string;
}

export type PublicationRequestedV2 = DomainEvent<'PublicationRequested', PublicationRequestedV2Data>;
export type PublicationRevised = DomainEvent<'PublicationRevised', PublicationRevisedData>;
export type ProjectPublishedV2 = DomainEvent<'ProjectPublished', ProjectPublishedV2Data>;
export type PublicationWithdrawn = DomainEvent<'PublicationWithdrawn', PublicationWithdrawnData>;

/** The text whose SHA-256 is a version's fingerprint: pass it to a SHA-256 (the domain does not hash). */
export interface FingerprintInput {
  projectId: string;
  version: number;
  content: PublicContent;
}
