import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeEvent } from './project.views.js';

const schemas = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../event-store/schemas');
const catalogue = [...new Set(readdirSync(schemas).map((f) => /^([A-Za-z]+)\.v\d+\.schema\.json$/.exec(f)?.[1]).filter((t): t is string => !!t && t !== 'metadata'))];
/** Data with every field an event of the catalogue may carry, so that each sentence can be written. */
const data = {
  projectId: 'p', title: 'Préau', theme: 'ecole', from: 'idee', to: 'etudes', step: 'etudes', progress: 20, comment: null, category: 'financement',
  text: 'Quand ?', team: 'accompagnement', reason: 'Erreur', version: 2, fingerprint: 'a'.repeat(64), organisationId: 'o', documentId: 'd',
  fileName: 'devis.pdf', mediaType: 'application/pdf', size: 2048, public: true, assignee: { accountId: 'x', kind: 'departement', organisationId: null },
  // Financing plan (issue #12)
  funder: 'etat', label: 'DETR', amountCents: 3_000_000, base: 'HT', requestedOn: '2026-01-05', grantedOn: '2026-02-01', decisionReference: 'Arrêté 2026-12',
  paidOn: '2026-03-01', kind: 'acompte', refusedOn: '2026-02-01', rule: 'derogation_ecole', costHtCents: 30_000_000, costTtcCents: 36_000_000,
};

describe('the project history', () => {
  it.each(catalogue)('tells %s in French, without its code', (type) => {
    const text = describeEvent(type, data);
    for (const code of catalogue) expect(text).not.toContain(code);
    expect(text).not.toMatch(/undefined|\[object/);
  });

  it('elides « de » before a step starting with a vowel', () => {
    expect(describeEvent('StepAdvanced', { from: 'idee', to: 'etudes', progress: 20 })).toBe('Étape passée d’Idée à Études (20 %)');
    expect(describeEvent('StepAdvanced', { from: 'travaux', to: 'termine', progress: 100 })).toBe('Étape passée de Travaux à Terminé (100 %)');
  });
});
