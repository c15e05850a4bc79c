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
