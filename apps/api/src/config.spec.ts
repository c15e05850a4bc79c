import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  describe('when CONTACT_EMAIL and HOSTED_BY are not set', () => {
    it('shows a placeholder address of the Département and the Département as host on the legal pages', () => {
      expect(loadConfig({}).site).toEqual({ contactEmail: 'accessibilite@valdoise.example', hostedBy: 'le Département du Val-d’Oise' });
    });
  });

  describe('when they are set', () => {
    it('shows them as given', () => {
      expect(loadConfig({ CONTACT_EMAIL: ' rgaa@valdoise.fr ', HOSTED_BY: 'Val d’Oise Numérique' }).site).toEqual({ contactEmail: 'rgaa@valdoise.fr', hostedBy: 'Val d’Oise Numérique' });
    });
  });
});

describe('loadConfig, map tiles (issue #10)', () => {
  describe('when MAP_TILE_URL is not set', () => {
    it('draws the maps without any base map (no network needed)', () => {
      expect(loadConfig({}).map).toEqual({ tileUrl: null, tileAttribution: null });
    });
  });
  describe('when MAP_TILE_URL is set with its attribution', () => {
    it('gives both to the maps', () => {
      const map = loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© IGN' }).map;
      expect(map).toEqual({ tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', tileAttribution: '© IGN' });
    });
  });
  describe('when the URL has no tile placeholders, or no attribution', () => {
    it('refuses to start, saying why', () => {
      expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/tile.png', MAP_TILE_ATTRIBUTION: '© IGN' })).toThrow(/\{z\}, \{x\} and \{y\}/);
      expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_ATTRIBUTION is required/);
    });
  });
});
