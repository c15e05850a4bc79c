import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_TYPE_LABELS, eventTypeLabel } from './event-labels.js';

const schemas = resolve(dirname(fileURLToPath(import.meta.url)), '../../../event-store/schemas');
/** Every event type of the catalogue: one `<Type>.v<N>.schema.json` per version (metadata is not an event). */
const catalogue = [...new Set(readdirSync(schemas).map((f) => /^([A-Za-z]+)\.v\d+\.schema\.json$/.exec(f)?.[1]).filter((t): t is string => !!t && t !== 'metadata'))];

describe('event type labels', () => {
  it('reads a catalogue of event types', () => {
    expect(catalogue).toEqual(expect.arrayContaining(['ProjectCreated', 'PublicationRevised', 'PublicationWithdrawn']));
  });

  it.each(catalogue)('give %s a French label', (type) => {
    expect(EVENT_TYPE_LABELS[type]).toEqual(expect.any(String));
    expect(eventTypeLabel(type)).not.toBe(type);
    expect(eventTypeLabel(type)).not.toMatch(/[a-z][A-Z]/);
  });

  it('label only types of the catalogue', () => {
    expect(Object.keys(EVENT_TYPE_LABELS).sort()).toEqual([...catalogue].sort());
  });

  it('never give a person an unknown type’s code', () => {
    expect(eventTypeLabel('SomethingNewHappened')).toBe('Autre modification');
    expect(eventTypeLabel('constructor')).toBe('Autre modification');
  });
});
