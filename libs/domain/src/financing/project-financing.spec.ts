import { describe, expect, it } from '@jest/globals';
import { assertMatchesSchema, schemaNames } from '../testing/event-schemas.js';
import { DomainError, type Actor, type DecisionContext } from '../shared/decider.js';
import type { ProjectCommand } from '../project/project.commands.js';
import { projectDecider } from '../project/project.decider.js';
import type { ProjectEvent } from '../project/project.events.js';
import { checkPlan } from './plan-checks.js';
import { planRates } from './simulator.js';
import { ruleSetDecider } from './rule-set.js';
import { VAL_D_OISE_STARTING_RULE_SET } from './val-d-oise-rule-set.js';

const PROJECT = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
const LINE = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const PAYMENT = '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910';
const SIMULATION = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';

const maire: Actor = { id: 'u-maire', displayName: 'Maire', role: 'commune_mayor', communeInsee: '95002' };
const autreMaire: Actor = { id: 'u-autre', displayName: 'Autre maire', role: 'commune_mayor', communeInsee: '95446' };
const agent: Actor = { id: 'u-agent', displayName: 'Agent', role: 'departement_agent', communeInsee: null };
const partenaire: Actor = { id: 'u-caue', displayName: 'CAUE', role: 'partner_member', communeInsee: null, organisationId: 'org-caue-95' };
const auditeur: Actor = { id: 'u-audit', displayName: 'Auditeur', role: 'auditor', communeInsee: null };

const ctx = (actor: Actor): DecisionContext => ({
  actor,
  now: new Date('2026-03-01T10:00:00Z'),
  newId: (purpose) => ({ 'funding-line': LINE, instalment: PAYMENT, simulation: SIMULATION })[purpose] ?? LINE,
});

function given(...history: ProjectEvent[]) {
  const state = history.reduce(projectDecider.evolve, projectDecider.initialState());
  return {
    when(command: ProjectCommand, actor: Actor = maire) {
      const run = () => projectDecider.decide(command, state, ctx(actor));
      return {
        then(expected: ProjectEvent[]) {
          const events = run();
          events.forEach(assertMatchesSchema);
          expect(events).toEqual(expected);
        },
        thenFails(code: string, message?: string) {
          try {
            run();
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe(code);
            if (message) expect((error as DomainError).message).toBe(message);
            return;
          }
          throw new Error(`expected ${code}, but the command was accepted`);
        },
      };
    },
  };
}

const created: ProjectEvent = {
  type: 'ProjectCreated',
  schemaVersion: 1,
  data: { projectId: PROJECT, codeInsee: '95002', title: 'Rénovation énergétique de l’école', description: '', theme: 'ecole', estimatedCostHt: 300000 },
};
const requested: ProjectEvent = {
  type: 'FundingLineRequested',
  schemaVersion: 1,
  data: { projectId: PROJECT, lineId: LINE, funder: 'etat', scheme: 'detr', label: 'DETR 2026', amountCents: 30_000_00, base: 'HT', requestedOn: '2026-01-10', simulationId: null },
};
const granted: ProjectEvent = {
  type: 'FundingLineGranted',
  schemaVersion: 1,
  data: { projectId: PROJECT, lineId: LINE, amountCents: 25_000_00, grantedOn: '2026-02-01', decisionReference: 'Arrêté préfectoral n° 2026-12' },
};
const refused: ProjectEvent = {
  type: 'FundingLineRefused',
  schemaVersion: 1,
  data: { projectId: PROJECT, lineId: LINE, refusedOn: '2026-02-01', reason: 'Enveloppe épuisée' },
};
const paid = (amountCents: number, kind: 'acompte' | 'solde' = 'acompte'): ProjectEvent => ({
  type: 'FundingInstalmentPaid',
  schemaVersion: 1,
  data: { projectId: PROJECT, lineId: LINE, instalmentId: PAYMENT, kind, amountCents, paidOn: '2026-02-20' },
});

describe('the financing plan of a project', () => {
  describe('when the commune sets the cost', () => {
    it('records it in cents, HT and TTC', () =>
      given(created)
        .when({ type: 'SetFinancingCost', costHtCents: 300_000_00, costTtcCents: 360_000_00 })
        .then([{ type: 'FinancingCostSet', schemaVersion: 1, data: { projectId: PROJECT, costHtCents: 300_000_00, costTtcCents: 360_000_00, items: [] } }]));
    it('refuses a TTC below the HT', () => given(created).when({ type: 'SetFinancingCost', costHtCents: 300_000_00, costTtcCents: 200_000_00 }).thenFails('ttc_below_ht'));
    it('refuses a breakdown that does not add up', () =>
      given(created)
        .when({ type: 'SetFinancingCost', costHtCents: 300_000_00, costTtcCents: 360_000_00, items: [{ label: 'Isolation', amountHtCents: 100_000_00 }] })
        .thenFails('items_mismatch', 'Les postes font 100 000 € HT, le coût HT est de 300 000 € : ils doivent être égaux.'));
    it('refuses another commune, a partner and an auditor', () => {
      given(created).when({ type: 'SetFinancingCost', costHtCents: 1, costTtcCents: 1 }, autreMaire).thenFails('forbidden');
      given(created).when({ type: 'SetFinancingCost', costHtCents: 1, costTtcCents: 1 }, partenaire).thenFails('forbidden');
      given(created).when({ type: 'SetFinancingCost', costHtCents: 1, costTtcCents: 1 }, auditeur).thenFails('forbidden');
    });
  });

  describe('a funding line', () => {
    it('is requested with its funder, scheme, amount, base and date', () =>
      given(created).when({ type: 'RequestFunding', funder: 'etat', scheme: 'detr', label: 'DETR 2026', amountCents: 30_000_00, base: 'HT', requestedOn: '2026-01-10' }).then([requested]));
    it('is granted with the decision’s reference', () =>
      given(created, requested)
        .when({ type: 'GrantFunding', lineId: LINE, amountCents: 25_000_00, grantedOn: '2026-02-01', decisionReference: 'Arrêté préfectoral n° 2026-12' }, agent)
        .then([granted]));
    it('is paid in instalments up to the granted amount', () =>
      given(created, requested, granted, paid(10_000_00)).when({ type: 'PayFunding', lineId: LINE, kind: 'solde', amountCents: 15_000_00, paidOn: '2026-02-20' }).then([paid(15_000_00, 'solde')]));
    it('cannot be paid more than granted', () =>
      given(created, requested, granted, paid(10_000_00))
        .when({ type: 'PayFunding', lineId: LINE, kind: 'acompte', amountCents: 20_000_00, paidOn: '2026-02-20' })
        .thenFails(
          'paid_more_than_granted',
          'Ce versement de 20 000 € porterait le total versé à 30 000 €, au-delà des 25 000 € accordés. Vérifiez le montant, ou révisez d’abord le montant accordé.',
        ));
    it('cannot be granted after it was refused', () =>
      given(created, requested, refused)
        .when({ type: 'GrantFunding', lineId: LINE, amountCents: 25_000_00, grantedOn: '2026-02-10', decisionReference: 'Arrêté' })
        .thenFails(
          'funding_refused',
          'Ce financement a été refusé le 01/02/2026 : il ne peut plus être accordé. Enregistrez une nouvelle demande si le financeur réexamine le dossier.',
        ));
    it('cannot be paid before it is granted', () =>
      given(created, requested).when({ type: 'PayFunding', lineId: LINE, kind: 'acompte', amountCents: 1_00, paidOn: '2026-02-20' }).thenFails('not_granted'));
    it('cannot be granted before it was requested', () =>
      given(created, requested).when({ type: 'GrantFunding', lineId: LINE, amountCents: 1_00, grantedOn: '2026-01-01', decisionReference: 'A' }).thenFails('granted_before_request'));
    it('is revised, but never below what was paid', () => {
      given(created, requested, granted).when({ type: 'ReviseFunding', lineId: LINE, amountCents: 28_000_00, reason: 'Avenant' }).then([
        { type: 'FundingLineRevised', schemaVersion: 1, data: { projectId: PROJECT, lineId: LINE, amountCents: 28_000_00, reason: 'Avenant' } },
      ]);
      given(created, requested, granted, paid(20_000_00)).when({ type: 'ReviseFunding', lineId: LINE, amountCents: 10_000_00, reason: 'Avenant' }).thenFails('below_paid');
    });
    it('is no longer paid once the balance (solde) is in', () =>
      given(created, requested, granted, paid(20_000_00, 'solde')).when({ type: 'PayFunding', lineId: LINE, kind: 'acompte', amountCents: 1_00, paidOn: '2026-02-21' }).thenFails('funding_paid'));
  });

  describe('the own-share rule', () => {
    it('is chosen by the Département with its reason', () =>
      given(created).when({ type: 'ChooseOwnShareRule', rule: 'derogation_ecole', reason: 'Arrêté du préfet du 12/01/2026' }, agent).then([
        { type: 'OwnShareRuleChosen', schemaVersion: 1, data: { projectId: PROJECT, rule: 'derogation_ecole', reason: 'Arrêté du préfet du 12/01/2026' } },
      ]));
    it('is not chosen by the commune', () => given(created).when({ type: 'ChooseOwnShareRule', rule: 'derogation_ecole', reason: 'x' }).thenFails('forbidden'));
  });

  describe('a saved estimate', () => {
    const ruleSet = { ...VAL_D_OISE_STARTING_RULE_SET, ruleSetId: '95', version: 1 };
    const inputs = {
      codeInsee: '95002', communeName: 'Ableiges', population: 800, category: 'renovation_energetique_ecole' as const, costHtCents: 300_000_00, costTtcCents: 360_000_00,
      privateCents: 0, obtainedStateCents: 0, obtainedOtherCents: 0, plannedStart: null, schoolDerogation: false, chefDeFile: false,
    };
    const state = [created].reduce(projectDecider.evolve, projectDecider.initialState());
    const [run] = projectDecider.decide({ type: 'SaveSimulation', inputs, ruleSet }, state, ctx(maire));
    it('records the inputs, the rule set version and the outputs, valid against its schema', () => {
      assertMatchesSchema(run);
      expect(run).toMatchObject({ type: 'SimulationRun', data: { simulationId: SIMULATION, ruleSetId: '95', ruleSetVersion: 1, inputs, outputs: { stateRoomCents: 30_000_00, communeShareCents: 60_000_00 } } });
    });
    it('turns into requested funding lines in one click', () => {
      const events = projectDecider.decide({ type: 'RequestFundingFromSimulation', simulationId: SIMULATION, requestedOn: '2026-03-01' }, projectDecider.evolve(state, run), ctx(maire));
      events.forEach(assertMatchesSchema);
      expect(events.map((e) => [e.data && (e.data as { scheme: string }).scheme, (e.data as { amountCents: number }).amountCents])).toEqual([
        ['contrat_rural_region', 120_000_00],
        ['contrat_rural_departement', 90_000_00],
        ['detr', 30_000_00],
      ]);
    });
  });

  describe('the live checks', () => {
    const rates = planRates(VAL_D_OISE_STARTING_RULE_SET);
    const line = (funder: 'etat' | 'region' | 'departement', cents: number) => ({ funder, status: 'demandee' as const, requestedCents: cents, grantedCents: null, paidCents: 0 });
    it('flag a plan that breaks the 20 % rule, with the rule and by how much', () => {
      const checks = checkPlan({ costHtCents: 300_000_00, costTtcCents: 360_000_00, ownShareRule: 'standard', lines: [line('region', 120_000_00), line('departement', 90_000_00), line('etat', 60_000_00)] }, rates);
      expect(checks).toMatchObject({ publicAidCents: 270_000_00, ownShareCents: 30_000_00, ownSharePercent: 10, minOwnShareCents: 60_000_00, fctvaCents: 59_054_00, gapCents: 30_000_00 });
      expect(checks.warnings).toEqual([
        {
          rule: 'autofinancement_minimum',
          byCents: 30_000_00,
          message: 'La part de la commune (30 000 €) est sous son minimum : 20 % du coût hors financements privés, soit 60 000 €. Il manque 30 000 € d’autofinancement (article L1111-10 du code général des collectivités territoriales).',
        },
      ]);
    });
    it('never show a negative share or gap when the aid asked exceeds the cost, and say each excess once', () => {
      // A mayor typed 500 000 € of DETR and 55 500 € more on a 185 000 € project (found in a browser tour).
      const checks = checkPlan({ costHtCents: 185_000_00, costTtcCents: 222_000_00, ownShareRule: 'standard', lines: [line('etat', 500_000_00), line('etat', 55_500_00)] }, rates);
      expect(checks).toMatchObject({ publicAidCents: 555_500_00, ownShareCents: 0, ownSharePercent: 0, minOwnShareCents: 37_000_00, gapCents: 0 });
      expect(checks.warnings).toEqual([
        {
          rule: 'autofinancement_minimum',
          byCents: 37_000_00,
          message: 'La part de la commune (0 €) est sous son minimum : 20 % du coût hors financements privés, soit 37 000 €. Il manque 37 000 € d’autofinancement (article L1111-10 du code général des collectivités territoriales).',
        },
        { rule: 'plafond_100', byCents: 370_500_00, message: 'Les aides publiques (555 500 €) dépassent 100 % de la dépense subventionnable (185 000 €) de 370 500 €.' },
        { rule: 'depassement_cout', byCents: 370_500_00, message: 'Les financements prévus (555 500 €) dépassent le coût HT (185 000 €) de 370 500 €.' },
      ]);
    });
    it('accept the same plan under the prefect’s school derogation (10 %)', () => {
      const checks = checkPlan({ costHtCents: 300_000_00, costTtcCents: 360_000_00, ownShareRule: 'derogation_ecole', lines: [line('region', 120_000_00), line('departement', 90_000_00), line('etat', 60_000_00)] }, rates);
      expect(checks.warnings).toEqual([]);
      expect(checks.minOwnSharePercent).toBe(10);
    });
  });

  describe('a rule set', () => {
    const admin: Actor = { id: 'u-admin', displayName: 'Admin', role: 'departement_admin', communeInsee: null };
    const publish = { type: 'PublishFinancingRuleSet' as const, ruleSetId: '95', ...VAL_D_OISE_STARTING_RULE_SET };
    it('is published by a Département administrator as the next version', () => {
      const [first] = ruleSetDecider.decide(publish, ruleSetDecider.initialState(), ctx(admin));
      assertMatchesSchema(first);
      const [second] = ruleSetDecider.decide({ ...publish, effectiveFrom: '2027-01-01' }, ruleSetDecider.evolve(ruleSetDecider.initialState(), first), ctx(admin));
      expect(second.data).toMatchObject({ version: 2, effectiveFrom: '2027-01-01' });
    });
    it('is refused to an agent', () => expect(() => ruleSetDecider.decide(publish, ruleSetDecider.initialState(), ctx(agent))).toThrow(DomainError));
    it('is refused when a rule the simulator reads is missing', () => {
      const { fctva: _f, ...rules } = VAL_D_OISE_STARTING_RULE_SET.rules;
      expect(() => ruleSetDecider.decide({ ...publish, rules: { ...rules, 'fctva . taux': undefined } as never }, ruleSetDecider.initialState(), ctx(admin))).toThrow(/règles/);
    });
  });

  it('has a JSON Schema for every financing event', () => {
    expect(schemaNames()).toEqual(expect.arrayContaining(['FinancingCostSet.v1', 'FundingLineRequested.v1', 'SimulationRun.v1', 'FinancingRuleSetPublished.v1']));
  });
});
