import { describe, expect, it } from '@jest/globals';
import { toRecorded } from './kurrentdb-event-store.js';

type Raw = Parameters<typeof toRecorded>[0];

/** An event as the KurrentDB client hands it over (no server needed to decode it). */
function raw(over: Partial<Record<string, unknown>>): Raw {
  return {
    id: '6f1c1f8e-3a43-4c55-9d5e-1c0f3b0f2a11',
    streamId: 'project-1',
    revision: 3n,
    type: 'ProjectRenamed',
    isJson: true,
    data: { title: 'Préau' },
    metadata: { actorId: 'a', schemaVersion: 2, '$carnet.hash': 'h', '$carnet.previousHash': 'p' },
    created: new Date(),
    position: { commit: 42n, prepare: 42n },
    contentType: 'application/json',
    isLink: false,
    ...over,
  } as unknown as Raw;
}

describe('KurrentDB event decoding', () => {
  describe('when the event is JSON', () => {
    it('gives the event with its schema version and hashes taken out of the metadata', () => {
      const event = toRecorded(raw({}));
      expect(event).toMatchObject({ position: 42, revision: 3, schemaVersion: 2, data: { title: 'Préau' }, metadata: { actorId: 'a' }, hash: 'h', previousHash: 'p' });
      expect(event.undecodable).toBeUndefined();
    });
  });

  describe('when another client wrote the event in binary', () => {
    it('does not throw and marks it undecodable, with its place in the log', () => {
      const event = toRecorded(raw({ isJson: false, data: new Uint8Array([0xff, 0x00]), metadata: new Uint8Array([1]), contentType: 'application/octet-stream' }));
      expect(event).toMatchObject({ position: 42, streamId: 'project-1', type: 'ProjectRenamed', data: null, metadata: {} });
      expect(event.undecodable).toMatch(/not JSON/);
    });
  });
});
