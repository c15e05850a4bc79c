import { describe, expect, it } from '@jest/globals';
import type { SimulationInputs } from './financing.events.js';
import { checkRuleSet } from './rule-set.js';
import { formatEuros, simulate, type RuleSetVersion } from './simulator.js';
import { nationalStartingRuleSet, VAL_D_OISE_STARTING_RULE_SET } from './val-d-oise-rule-set.js';

const ruleSet: RuleSetVersion = { ...VAL_D_OISE_STARTING_RULE_SET, ruleSetId: '95', version: 1 };

/** The worked example of the financing brief: 800 inhabitants, school energy renovation, 300,000 € HT. */
const school: SimulationInputs = {
  codeInsee: '95002',
  communeName: 'Ableiges',
  population: 800,
  category: 'renovation_energetique_ecole',
  costHtCents: 300_000_00,
  costTtcCents: 360_000_00,
  privateCents: 0,
  obtainedStateCents: 0,
  obtainedOtherCents: 0,
  plannedStart: '2026-09-01',
  schoolDerogation: false,
  chefDeFile: false,
};
const scheme = (out: ReturnType<typeof simulate>, id: string) => out.schemes.find((s) => s.scheme === id)!;

describe('the subsidy simulator', () => {
  it('accepts the starting Val-d’Oise rule set', () => expect(() => checkRuleSet(VAL_D_OISE_STARTING_RULE_SET)).not.toThrow());

  describe('when a commune of 800 inhabitants renovates its school for 300 000 € HT', () => {
    const out = simulate(school, ruleSet);
    it('gives the contrat rural 120 000 € from the Région and 90 000 € from the Département', () => {
      expect(scheme(out, 'contrat_rural_region')).toMatchObject({ eligible: true, minCents: 120_000_00, maxCents: 120_000_00 });
      expect(scheme(out, 'contrat_rural_departement')).toMatchObject({ eligible: true, minCents: 90_000_00, maxCents: 90_000_00 });
    });
    it('leaves at most 30 000 € of State aid under the 20 % rule, and says so', () => {
      expect(out.stateRoomCents).toBe(30_000_00);
      expect(scheme(out, 'detr')).toMatchObject({ eligible: true, minCents: 30_000_00, maxCents: 30_000_00 });
      expect(out.binding).toEqual({ rule: 'autofinancement_minimum', message: 'Vous atteignez la règle des 20 % d’autofinancement : au plus 30 000 € d’aide de l’État.' });
    });
    it('leaves the commune 60 000 € HT and expects 59 054 € of FCTVA', () => {
      expect(out.communeShareCents).toBe(60_000_00);
      expect(out.fctvaCents).toBe(59_054_00);
      expect(formatEuros(out.fctvaCents)).toBe('59 054 €');
      expect(out.fctvaRatePercent).toBe(16.404);
    });
    it('explains each amount with the rules it used, and names the rule set and the notice', () => {
      const labels = scheme(out, 'detr').explanation.map((s) => `${s.label} = ${s.value}`);
      expect(labels).toEqual(expect.arrayContaining(['Aide de l’État encore possible = 30 000 €', 'Part minimale de la commune = 20 %']));
      expect(out.ruleSet).toEqual({ id: '95', version: 1, effectiveFrom: '2026-01-01', title: VAL_D_OISE_STARTING_RULE_SET.title });
      expect(out.notice).toMatch(/Estimation non contractuelle/);
      expect(scheme(out, 'dsil').toValidate).toBe(true);
    });
  });

  describe('when the prefect grants the school-energy derogation', () => {
    const out = simulate({ ...school, schoolDerogation: true }, ruleSet);
    it('lets a DETR of 20 % (60 000 €) fit under the 10 % rule', () => {
      expect(out.ownShare.ratePercent).toBe(10);
      expect(out.stateRoomCents).toBe(60_000_00);
      expect(scheme(out, 'detr')).toMatchObject({ minCents: 60_000_00, maxCents: 60_000_00 });
      expect(out.communeShareCents).toBe(30_000_00);
    });
  });

  describe('when the commune has 2 500 inhabitants', () => {
    const out = simulate({ ...school, population: 2500 }, ruleSet);
    it('is not eligible to the contrat rural nor to the DETR, and says why', () => {
      expect(scheme(out, 'contrat_rural_region')).toMatchObject({ eligible: false, maxCents: 0, reason: 'Réservé aux communes de moins de 2 000 habitants' });
      expect(scheme(out, 'detr').eligible).toBe(false);
      expect(out.stateRoomCents).toBe(240_000_00);
    });
  });
});

describe('the starting rule set of another Département (issue #17)', () => {
  const yvelines = nationalStartingRuleSet('des Yvelines');
  it('is a valid rule set, named after the Département, with the State schemes only', () => {
    expect(() => checkRuleSet(yvelines)).not.toThrow();
    expect(yvelines.title).toBe('Règles de départ des Yvelines (à valider par le Département)');
    expect(yvelines.schemes.map((s) => s.id)).toEqual(['detr', 'dsil', 'fonds_vert']);
    expect(yvelines.schemes[0]!.label).toBe('DETR (État, préfet des Yvelines)');
    expect(Object.keys(yvelines.rules).filter((k) => /contrat rural|val d oise/.test(k))).toEqual([]);
    expect(yvelines.note).toContain('Les aides du Département des Yvelines et celles de sa Région');
  });
  it('estimates the worked example with the national rules: without local aid, the State may give up to 240 000 €', () => {
    const out = simulate({ ...school, codeInsee: '78033', communeName: 'Aulnay-sur-Mauldre' }, { ...yvelines, ruleSetId: '78', version: 1 });
    expect(out.schemes.map((s) => s.scheme)).toEqual(['detr', 'dsil', 'fonds_vert']);
    expect(out.stateRoomCents).toBe(240_000_00);
    expect(scheme(out, 'detr')).toMatchObject({ eligible: true, minCents: 60_000_00, maxCents: 240_000_00 });
    expect(out.fctvaCents).toBe(59_054_00);
    expect(out.ruleSet).toMatchObject({ id: '78', version: 1, title: yvelines.title });
  });
});
