import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@carnet/event-store';
import { applyEvent, keysOf, type Projection, type StoredDoc } from '@carnet/read-store';
import { VAL_D_OISE_STARTING_RULE_SET } from '@carnet/domain';
import { financingRuleSetProjection } from './financing-rule-set.projection.js';
import { projectFinancingProjection, type ProjectFinancingDoc } from './project-financing.projection.js';

const P = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
const L = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
let position = 0;
const recorded = (revision: number, type: string, data: Record<string, unknown>, actorId = 'persona-maire-95002', actorRole = 'commune_mayor', streamId = `project-${P}`): RecordedEvent => ({
  id: `e-${revision}`,
  streamId,
  revision,
  position: ++position,
  type,
  schemaVersion: 1,
  data: streamId.startsWith('project-') ? { projectId: P, ...data } : data,
  metadata: { actorId, actorRole, actorCommune: '95002', correlationId: 'c', causationId: 'c', commandId: `cmd-${revision}`, recordedAt: `2027-01-0${revision + 1}T09:00:00.000Z` },
});

const events: RecordedEvent[] = [
  recorded(0, 'ProjectCreated', { codeInsee: '95002', title: 'École', description: '', theme: 'ecole', estimatedCostHt: 300000 }),
  recorded(1, 'FinancingCostSet', { costHtCents: 300_000_00, costTtcCents: 360_000_00, items: [] }),
  recorded(2, 'FundingLineRequested', { lineId: L, funder: 'etat', scheme: 'detr', label: 'DETR 2027', amountCents: 60_000_00, base: 'HT', requestedOn: '2027-01-03', simulationId: null }),
  recorded(3, 'StepAdvanced', { from: 'idee', to: 'financement', progress: 40, comment: null }),
  recorded(4, 'FundingLineGranted', { lineId: L, amountCents: 50_000_00, grantedOn: '2027-01-05', decisionReference: 'Arrêté n° 12' }, 'persona-agent-amenagement', 'departement_agent'),
  recorded(5, 'FundingLineRevised', { lineId: L, amountCents: 55_000_00, reason: 'Avenant' }),
  recorded(6, 'FundingInstalmentPaid', { lineId: L, instalmentId: L, kind: 'solde', amountCents: 55_000_00, paidOn: '2027-01-07' }),
  recorded(7, 'OwnShareRuleChosen', { rule: 'derogation_ecole', reason: 'Arrêté du préfet' }, 'persona-agent-amenagement', 'departement_agent'),
  recorded(0, 'FinancingRuleSetPublished', { ...VAL_D_OISE_STARTING_RULE_SET, ruleSetId: '95', version: 1 }, 'system', 'departement_admin', 'financingrules-95'),
];

function replay<D extends object>(projection: Projection<D>, stream: RecordedEvent[], docs = new Map<string, D & StoredDoc>()) {
  for (const e of stream) {
    for (const key of keysOf(projection, e)) {
      const next = applyEvent(projection, docs.get(key) ?? null, e, key);
      if (next === undefined) continue;
      if (next === null) docs.delete(key);
      else docs.set(key, next);
    }
  }
  return docs;
}

describe('financing projections', () => {
  for (const projection of [projectFinancingProjection, financingRuleSetProjection] as Projection<any>[]) {
    describe(`${projection.collection} when its events are replayed twice`, () => {
      it('gives the same documents', () => {
        const once = replay(projection, events);
        const twice = replay(projection, events, structuredClone(once));
        expect(twice).toEqual(once);
        expect(once.size).toBe(1);
      });
    });
  }

  describe('project_financing', () => {
    it('shows a line’s whole life in French, and the rule chosen', () => {
      const doc = replay(projectFinancingProjection, events).get(P) as ProjectFinancingDoc & StoredDoc;
      expect(doc).toMatchObject({ costHtCents: 300_000_00, ownShareRule: 'derogation_ecole', ownShareReason: 'Arrêté du préfet' });
      expect(doc.lines[0]).toMatchObject({ status: 'versee', grantedCents: 55_000_00, paidCents: 55_000_00 });
      expect(doc.lines[0].steps.map((s) => s.summary)).toEqual([
        'Demandée : 60 000 € HT le 03/01/2027',
        'Accordée : 50 000 € le 05/01/2027 (Arrêté n° 12)',
        'Montant accordé révisé : 50 000 € → 55 000 € — motif : Avenant',
        'Solde versé : 55 000 € le 07/01/2027',
      ]);
    });
  });
});
