import { createHash } from 'node:crypto';
import { fingerprintInput, type PublicContent } from '@carnet/domain';
import { canonicalJson } from '@carnet/event-store';

/**
 * SHA-256 (hex) of the canonical JSON of a value (the canonical form of ADR 0008): the fingerprint
 * of a version of a project's public content, which the mayor approves (issue #5). Anyone can
 * recompute it from the public API's JSON.
 */
export const fingerprint = (value: unknown): string => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');

/** The fingerprint of one version of a project's public content: what the mayor's approval records. */
export const publicationFingerprint = (projectId: string, version: number, content: PublicContent): string =>
  fingerprint(fingerprintInput(projectId, { version, content }));
