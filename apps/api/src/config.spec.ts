import { describe, expect, it } from '@jest/globals';
import { loadConfig, thresholdOf } from './config.js';

describe('loadConfig', () => {
  describe('when CONTACT_EMAIL and HOSTED_BY are not set', () => {
    it('shows a placeholder address of the Département and the Département as host on the legal pages', () => {
      expect(loadConfig({}).site).toEqual({
        contactEmail: 'accessibilite@valdoise.example',
        hostedBy: 'le Département du Val-d’Oise',
        publisher: { name: 'Département du Val-d’Oise', of: 'du Val-d’Oise', plural: false },
      });
    });
  });

  describe('when they are set', () => {
    it('shows them as given', () => {
      expect(loadConfig({ CONTACT_EMAIL: ' rgaa@valdoise.fr ', HOSTED_BY: 'Val d’Oise Numérique' }).site).toMatchObject({ contactEmail: 'rgaa@valdoise.fr', hostedBy: 'Val d’Oise Numérique' });
    });
  });

  describe('when several Départements are served (issue #17)', () => {
    it('names them all as the publisher of the legal pages, or the platform for all of France', () => {
      expect(loadConfig({ DEPARTEMENTS: '95,78' }).site.publisher).toEqual({ name: 'Départements du Val-d’Oise et des Yvelines', of: 'du Val-d’Oise et des Yvelines', plural: true });
      expect(loadConfig({ DEPARTEMENTS: 'all' }).site.publisher).toEqual({ name: 'Départements servis par la plateforme', of: '', plural: true });
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

describe('loadConfig, several processes and instances (issue #15)', () => {
  describe('when nothing is set', () => {
    it('starts one HTTP process per core, at most 4, a 5 s projections lease, and reads the log for other processes’ events every 25 ms', () => {
      const { workers, leaseMs, eventPollMs } = loadConfig({}).instances;
      expect(workers).toBeGreaterThanOrEqual(1);
      expect(workers).toBeLessThanOrEqual(4);
      expect({ leaseMs, eventPollMs }).toEqual({ leaseMs: 5000, eventPollMs: 25 });
      // Started by hand (not by the WORKERS primary), a process does everything.
      expect(loadConfig({}).instances.processRole).toBe('all');
      expect(loadConfig({ CARNET_PROCESS_ROLE: 'projections' }).instances.processRole).toBe('projections');
    });
  });
  describe('when two processes are given the same INSTANCE_ID', () => {
    it('names both after it, each with a random part of its own, so they never share a lease', () => {
      const a = loadConfig({ INSTANCE_ID: 'carnet-a' }).instances.instanceId;
      const b = loadConfig({ INSTANCE_ID: 'carnet-a' }).instances.instanceId;
      expect(a).toMatch(/^carnet-a-[0-9a-f]{6}$/);
      expect(b).toMatch(/^carnet-a-[0-9a-f]{6}$/);
      expect(a).not.toBe(b);
    });
  });
  describe('when a setting cannot work', () => {
    it('refuses to start, saying which', () => {
      expect(loadConfig({ WORKERS: '2' }).instances.workers).toBe(2);
      expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS must be between 1 and 64/);
      expect(() => loadConfig({ WORKERS: 'deux' })).toThrow(/WORKERS must be a non-negative integer/);
      expect(() => loadConfig({ PROJECTION_LEASE_MS: '100' })).toThrow(/PROJECTION_LEASE_MS must be at least 500/);
      expect(() => loadConfig({ EVENT_POLL_MS: '0' })).toThrow(/EVENT_POLL_MS must be at least 1/);
      expect(() => loadConfig({ INSTANCE_ID: 'une instance' })).toThrow(/INSTANCE_ID may only hold/);
      expect(loadConfig({}).instances.httpNiceness).toBe(0);
      expect(loadConfig({ HTTP_NICENESS: '5' }).instances.httpNiceness).toBe(5);
      expect(() => loadConfig({ HTTP_NICENESS: '20' })).toThrow(/HTTP_NICENESS must be between 0 and 19/);
    });
  });
});

describe('loadConfig, the Départements served (issue #17)', () => {
  it('serves the Val-d’Oise alone by default, and the one DEPARTEMENT names', () => {
    expect(loadConfig({})).toMatchObject({ departements: ['95'], departement: '95', eligibilityThreshold: 5000 });
    expect(loadConfig({ DEPARTEMENT: '2a' })).toMatchObject({ departements: ['2A'], departement: '2A' });
  });

  it('serves every Département DEPARTEMENTS lists, the first being the home one, or all of them', () => {
    expect(loadConfig({ DEPARTEMENTS: '95, 78,60,78' })).toMatchObject({ departements: ['95', '78', '60'], departement: '95' });
    const all = loadConfig({ DEPARTEMENTS: 'all' }).departements;
    expect(all).toHaveLength(109); // 101 Départements and 8 overseas collectivities
    expect(all).toEqual(expect.arrayContaining(['01', '2A', '2B', '95', '971', '976']));
  });

  it('refuses an unknown code, an empty list, or both settings at once', () => {
    expect(() => loadConfig({ DEPARTEMENTS: '95,99' })).toThrow(/DEPARTEMENTS must list official Département codes/);
    expect(() => loadConfig({ DEPARTEMENTS: ' , ' })).toThrow(/DEPARTEMENTS must list/);
    expect(() => loadConfig({ DEPARTEMENT: '20' })).toThrow(/DEPARTEMENT must list/);
    expect(() => loadConfig({ DEPARTEMENTS: '95,78', DEPARTEMENT: '95' })).toThrow(/not both/);
  });

  it('takes a population threshold per Département, the others keeping ELIGIBILITY_THRESHOLD', () => {
    const config = loadConfig({ DEPARTEMENTS: '95,78', ELIGIBILITY_THRESHOLD: '4000', ELIGIBILITY_THRESHOLDS: '78:2000' });
    expect(config.eligibilityThresholds).toEqual({ '78': 2000 });
    expect(thresholdOf(config, '78')).toBe(2000);
    expect(thresholdOf(config, '95')).toBe(4000);
    expect(() => loadConfig({ DEPARTEMENTS: '95,78', ELIGIBILITY_THRESHOLDS: '60:2000' })).toThrow(/ELIGIBILITY_THRESHOLDS names Départements served/);
    expect(() => loadConfig({ ELIGIBILITY_THRESHOLDS: '95:beaucoup' })).toThrow(/non-negative integer/);
  });
});
