import { describe, expect, it } from '@jest/globals';
import { tileOrigin } from './security-headers.js';

describe('tileOrigin (MAP_TILE_URL → CSP img-src)', () => {
  describe('when no tile server is configured', () => {
    it('allows no other origin', () => {
      expect(tileOrigin(undefined)).toEqual([]);
      expect(tileOrigin('  ')).toEqual([]);
    });
  });

  describe('when a tile URL template is configured', () => {
    it('allows its origin, with the {s} sub-domains as a wildcard', () => {
      expect(tileOrigin('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual(['https://*.tile.openstreetmap.org']);
      expect(tileOrigin('https://tuiles.valdoise.fr:8443/osm/{z}/{x}/{y}.png')).toEqual(['https://tuiles.valdoise.fr:8443']);
      expect(tileOrigin('HTTPS://Data.Geopf.FR/wmts?layer={z}')).toEqual(['https://data.geopf.fr']);
    });

    it('refuses at start-up a value that is not an http(s) URL or whose host could widen the policy', () => {
      expect(() => tileOrigin('tiles.example.org/{z}/{x}/{y}.png')).toThrow(/MAP_TILE_URL/);
      expect(() => tileOrigin("https://x.org' 'unsafe-inline/{z}")).toThrow(/MAP_TILE_URL/);
      expect(() => tileOrigin('https://*/{z}')).toThrow(/MAP_TILE_URL/);
    });
  });
});
