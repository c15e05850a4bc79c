import { DomainError, isCommuneRole, isDepartementRole, type Actor } from '../shared/decider.js';
import {
  DOCUMENT_MEDIA_TYPES,
  type DocumentAdded,
  type DocumentMediaType,
  type DocumentRemoved,
  type DocumentVersionAdded,
  type DocumentVisibilityChanged,
} from './follow-up.events.js';

/*
 * The documents of a project (issue #4): who may add them, version them, make them public or
 * remove them. The project decider delegates here so that the rules on documents sit in one file.
 * The bytes never reach the decider: the API stores them first (blob store) and the command
 * carries the key, the SHA-256, the size and the media type sniffed from the content.
 */

export const DOCUMENT_TITLE_MAX = 160;
export const FILE_NAME_MAX = 255;
export const REASON_MAX = 1000;

/** A file already written to the blob store, as the command carries it. */
export interface StoredFile {
  fileName: string;
  mediaType: DocumentMediaType;
  size: number;
  sha256: string;
  blobKey: string;
}

export interface AddDocument {
  type: 'AddDocument';
  /** Chosen by the caller (derived from the command id) so that the answer can name it. */
  documentId: string;
  title: string;
  public: boolean;
  file: StoredFile;
}
export interface AddDocumentVersion {
  type: 'AddDocumentVersion';
  documentId: string;
  file: StoredFile;
}
export interface ChangeDocumentVisibility {
  type: 'ChangeDocumentVisibility';
  documentId: string;
  public: boolean;
}
export interface RemoveDocument {
  type: 'RemoveDocument';
  documentId: string;
  reason: string;
}
export type DocumentCommand = AddDocument | AddDocumentVersion | ChangeDocumentVisibility | RemoveDocument;
export type DocumentEvent = DocumentAdded | DocumentVersionAdded | DocumentVisibilityChanged | DocumentRemoved;

/** What the project decider remembers of a document. */
export interface DocumentState {
  version: number;
  public: boolean;
  removed: boolean;
}

/** The facts of a project the document rules need. */
export interface DocumentsContext {
  projectId: string;
  codeInsee: string;
  partners: string[];
  documents: Record<string, DocumentState>;
}

const isOfCommune = (actor: Actor, codeInsee: string) => isCommuneRole(actor.role) && actor.communeInsee === codeInsee;
const isInvolvedPartner = (actor: Actor, partners: string[]) =>
  actor.role === 'partner_member' && !!actor.organisationId && partners.includes(actor.organisationId);

/** Commune members of the project's commune, Département staff and involved partners add documents and versions. */
export function canAddDocuments(actor: Actor, project: Pick<DocumentsContext, 'codeInsee' | 'partners'>): boolean {
  return isOfCommune(actor, project.codeInsee) || isDepartementRole(actor.role) || isInvolvedPartner(actor, project.partners);
}

/** Only the commune (or the Département) decides what is public, and removes a document. */
export function canCurateDocuments(actor: Actor, project: Pick<DocumentsContext, 'codeInsee'>): boolean {
  return isOfCommune(actor, project.codeInsee) || isDepartementRole(actor.role);
}

/**
 * A file name as it may be recorded and offered for download: no folders, no control characters,
 * at most FILE_NAME_MAX characters (the extension is kept). It may name a person: it is part of the
 * project record like any title (see ADR 0011).
 */
export function cleanFileName(raw: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  if (cleaned.length <= FILE_NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, FILE_NAME_MAX - ext.length) + ext;
}

function forbid(message: string): never {
  throw new DomainError('forbidden', message, 'forbidden');
}

function existing(project: DocumentsContext, documentId: string): DocumentState {
  const doc = project.documents[documentId];
  if (!doc || doc.removed) throw new DomainError('document_not_found', 'Ce document n’existe pas sur ce projet.', 'not_found', 'documentId');
  return doc;
}

function checkFile(file: StoredFile): StoredFile {
  const fileName = cleanFileName(file.fileName);
  if (!fileName) throw new DomainError('required', 'Le nom du fichier est obligatoire.', 'invalid', 'file');
  if (!(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(file.mediaType)) {
    throw new DomainError('unsupported_media_type', 'Ce type de fichier n’est pas accepté.', 'invalid', 'file');
  }
  if (!Number.isInteger(file.size) || file.size <= 0) throw new DomainError('empty_file', 'Ce fichier est vide.', 'invalid', 'file');
  if (!/^[0-9a-f]{64}$/.test(file.sha256) || !file.blobKey) {
    throw new DomainError('invalid_file', 'Le fichier n’a pas été enregistré correctement.', 'invalid', 'file');
  }
  return { ...file, fileName };
}

function title(value: string): string {
  const text = (value ?? '').trim();
  if (!text) throw new DomainError('required', 'Le titre du document est obligatoire.', 'invalid', 'title');
  if (text.length > DOCUMENT_TITLE_MAX) {
    throw new DomainError('too_long', `Le titre du document dépasse ${DOCUMENT_TITLE_MAX} caractères.`, 'invalid', 'title');
  }
  return text;
}

const V = 1;

/** The decisions on documents, called by the project decider on an existing project (auditors already refused). */
export function decideDocument(command: DocumentCommand, project: DocumentsContext, actor: Actor): DocumentEvent[] {
  const { projectId } = project;
  switch (command.type) {
    case 'AddDocument': {
      if (!canAddDocuments(actor, project)) forbid('Seuls la commune, le Département et les partenaires associés au projet ajoutent des documents.');
      if (command.public === true && !canCurateDocuments(actor, project)) forbid('Seuls la commune et le Département décident si un document est public.');
      if (project.documents[command.documentId]) throw new DomainError('document_exists', 'Ce document existe déjà.', 'conflict');
      const file = checkFile(command.file);
      return [{ type: 'DocumentAdded', schemaVersion: V, data: { projectId, documentId: command.documentId, version: 1, ...file, title: title(command.title), public: command.public === true } }];
    }
    case 'AddDocumentVersion': {
      if (!canAddDocuments(actor, project)) forbid('Seuls la commune, le Département et les partenaires associés au projet ajoutent des documents.');
      const doc = existing(project, command.documentId);
      return [{ type: 'DocumentVersionAdded', schemaVersion: V, data: { projectId, documentId: command.documentId, version: doc.version + 1, ...checkFile(command.file) } }];
    }
    case 'ChangeDocumentVisibility': {
      if (!canCurateDocuments(actor, project)) forbid('Seuls la commune et le Département décident si un document est public.');
      const doc = existing(project, command.documentId);
      if (doc.public === command.public) {
        throw new DomainError('no_change', command.public ? 'Ce document est déjà public.' : 'Ce document n’est déjà pas public.', 'invalid', 'public');
      }
      return [{ type: 'DocumentVisibilityChanged', schemaVersion: V, data: { projectId, documentId: command.documentId, public: command.public } }];
    }
    case 'RemoveDocument': {
      if (!canCurateDocuments(actor, project)) forbid('Seuls la commune et le Département retirent un document du projet.');
      existing(project, command.documentId);
      const reason = (command.reason ?? '').trim();
      if (!reason) throw new DomainError('reason_required', 'Indiquez pourquoi le document est retiré.', 'invalid', 'reason');
      if (reason.length > REASON_MAX) throw new DomainError('too_long', `Le motif dépasse ${REASON_MAX} caractères.`, 'invalid', 'reason');
      return [{ type: 'DocumentRemoved', schemaVersion: V, data: { projectId, documentId: command.documentId, reason } }];
    }
  }
}

/** The documents of a project after one of their events. */
export function evolveDocuments(documents: Record<string, DocumentState>, e: DocumentEvent): Record<string, DocumentState> {
  const id = e.data.documentId;
  const doc = documents[id];
  switch (e.type) {
    case 'DocumentAdded':
      return { ...documents, [id]: { version: 1, public: e.data.public, removed: false } };
    case 'DocumentVersionAdded':
      return doc ? { ...documents, [id]: { ...doc, version: e.data.version } } : documents;
    case 'DocumentVisibilityChanged':
      return doc ? { ...documents, [id]: { ...doc, public: e.data.public } } : documents;
    case 'DocumentRemoved':
      return doc ? { ...documents, [id]: { ...doc, removed: true } } : documents;
  }
}

/** Document event types, for whoever routes project events. */
export const DOCUMENT_EVENT_TYPES = ['DocumentAdded', 'DocumentVersionAdded', 'DocumentVisibilityChanged', 'DocumentRemoved'] as const;
export const DOCUMENT_COMMAND_TYPES = ['AddDocument', 'AddDocumentVersion', 'ChangeDocumentVisibility', 'RemoveDocument'] as const;
export const isDocumentCommand = (c: { type: string }): c is DocumentCommand => (DOCUMENT_COMMAND_TYPES as readonly string[]).includes(c.type);
export const isDocumentEvent = (e: { type: string }): e is DocumentEvent => (DOCUMENT_EVENT_TYPES as readonly string[]).includes(e.type);
