import { describe, expect, it } from '@jest/globals';
import { canonicalEvent, canonicalJson, chainHash, GENESIS_HASH, hashEvent, headsHash, type HashedContent } from './hash-chain.js';

// The worked example of ADR 0008: an auditor re-implementing the chain must find these hashes.
const created: HashedContent = {
  id: '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20',
  streamId: 'project-7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910',
  revision: 0,
  type: 'ProjectCreated',
  schemaVersion: 1,
  data: { title: 'Rénovation de l’école', estimatedCostHt: 125000.5, codeInsee: '95002', tags: ['toit', 'école'], description: null },
  metadata: {
    actorId: 'persona-maire-95002',
    actorRole: 'commune_mayor',
    actorCommune: '95002',
    correlationId: 'c-1',
    causationId: 'c-1',
    commandId: 'c-1',
    recordedAt: '2026-03-01T10:00:00.000Z',
  },
};
const progressed: HashedContent = { ...created, id: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', revision: 1, type: 'ProgressUpdated', data: { step: 'idee', progress: 10 } };
const CREATED_HASH = '683a788c11067b636a9dfad59a411476acc732ca4a5dad7c29c8ac740c086352';
const PROGRESSED_HASH = 'eb7e26545fb02791ff6c1d941f101ceba766b47e72daecda3b5449d2a11938e2';

describe('hash chain', () => {
  describe('when canonicalising JSON', () => {
    it('sorts keys at every depth by UTF-16 code units and writes no whitespace', () => {
      expect(canonicalJson({ b: { z: 1, a: [{ y: 2, x: 1 }] }, a: 'x', B: true, '10': 1, '9': 2 })).toBe('{"10":1,"9":2,"B":true,"a":"x","b":{"a":[{"x":1,"y":2}],"z":1}}');
    });

    it('writes strings and numbers as JSON.stringify does, UTF-8 text unescaped', () => {
      expect(canonicalJson({ s: 'é\u0001"\\’🐿️', n: [0, -0, 1.5, 1e21, 0.1, -3] })).toBe('{"n":[0,0,1.5,1e+21,0.1,-3],"s":"é\\u0001\\"\\\\’🐿️"}');
    });

    it('drops undefined members and writes undefined array items as null, like JSON storage', () => {
      const value = { a: undefined, b: [undefined, 1], c: null, d: new Date('2026-03-01T10:00:00.000Z') };
      expect(canonicalJson(value)).toBe('{"b":[null,1],"c":null,"d":"2026-03-01T10:00:00.000Z"}');
      expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
    });

    it('does not depend on the order keys were inserted in', () => {
      expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
    });

    it('refuses BigInt values', () => {
      expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    });
  });

  describe('when hashing the worked example of ADR 0008', () => {
    it('gives the canonical form of the event with its seven fields in sorted order', () => {
      expect(canonicalEvent(progressed)).toBe(
        '{"data":{"progress":10,"step":"idee"},"id":"3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",' +
          '"metadata":{"actorCommune":"95002","actorId":"persona-maire-95002","actorRole":"commune_mayor","causationId":"c-1","commandId":"c-1","correlationId":"c-1","recordedAt":"2026-03-01T10:00:00.000Z"},' +
          '"revision":1,"schemaVersion":1,"streamId":"project-7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910","type":"ProgressUpdated"}',
      );
    });

    it('links revision 0 to 64 zeros and revision 1 to the hash of revision 0', () => {
      expect(GENESIS_HASH).toBe('0'.repeat(64));
      expect(hashEvent(created, GENESIS_HASH)).toBe(CREATED_HASH);
      expect(hashEvent(progressed, CREATED_HASH)).toBe(PROGRESSED_HASH);
      expect(chainHash(CREATED_HASH, canonicalEvent(progressed))).toBe(PROGRESSED_HASH);
    });

    it('changes when one character of the data changes, or when the previous hash does', () => {
      expect(hashEvent({ ...created, data: { ...(created.data as object), title: 'Rénovation de l’écolf' } }, GENESIS_HASH)).not.toBe(CREATED_HASH);
      expect(hashEvent(progressed, GENESIS_HASH)).not.toBe(PROGRESSED_HASH);
    });
  });

  describe('when hashing the heads of the log', () => {
    it('hashes the sorted lines "<streamId> <hash>\\n" whatever the order given', () => {
      const heads: Array<[string, string]> = [
        [created.streamId, PROGRESSED_HASH],
        ['anchor-log', GENESIS_HASH],
      ];
      expect(headsHash(heads)).toBe('c083466f12c6f77022bc136ae2277ab4f4539b110411be2ceadbcd32d719e8df');
      expect(headsHash([...heads].reverse())).toBe(headsHash(heads));
    });

    it('is the hash of nothing for an empty log', () => {
      expect(headsHash([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    });
  });
});
