import { PUBLIC_FUNDERS, type Funder, type OwnShareRule } from './financing.events.js';
import { formatEuros } from './simulator.js';
import type { FundingStatus } from './project-financing.js';

/** A line as the checks count it. */
export interface CheckedLine {
  funder: Funder;
  status: FundingStatus;
  requestedCents: number;
  grantedCents: number | null;
  paidCents: number;
}

export interface PlanRates {
  ownShare: Record<OwnShareRule, number>;
  fctvaRate: number;
}

export interface PlanWarning {
  rule: 'autofinancement_minimum' | 'plafond_100' | 'depassement_cout';
  /** How far the plan is from the rule, in cents. */
  byCents: number;
  message: string;
}

export interface PlanChecks {
  costHtCents: number | null;
  costTtcCents: number | null;
  /** Public aid expected: granted amounts, or requested while not decided; refused lines count 0. */
  publicAidCents: number;
  privateCents: number;
  /**
   * The commune's own share: cost HT − private money − public aid (loans and own funds are its money);
   * 0 when the aid covers everything or more (the excess is the `plafond_100` warning, not a negative share).
   */
  ownShareCents: number | null;
  /** Own share over the public financing of the operation (cost HT − private), in percent with one decimal. */
  ownSharePercent: number | null;
  ownShareRule: OwnShareRule;
  minOwnSharePercent: number;
  minOwnShareCents: number | null;
  /** Cost HT minus every line expected (public, private, loans, own funds); 0 when they reach it or more (see `depassement_cout`). */
  gapCents: number | null;
  fctvaCents: number | null;
  fctvaRatePercent: number;
  warnings: PlanWarning[];
}

/** What a line is expected to bring: the granted amount once decided, nothing once refused. */
export const expectedCents = (l: CheckedLine): number => (l.status === 'refusee' ? 0 : (l.grantedCents ?? l.requestedCents));

const PERCENT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = (rate: number): string => `${PERCENT.format(rate * 100)} %`;

/**
 * The live checks of a financing plan (CGCT L1111-10, décret 2018-514): a plan that breaks a rule is
 * flagged with the rule and by how much, never refused — it is the commune's file.
 */
export function checkPlan(plan: { costHtCents: number | null; costTtcCents: number | null; ownShareRule: OwnShareRule; lines: CheckedLine[] }, rates: PlanRates): PlanChecks {
  const publicAidCents = plan.lines.filter((l) => PUBLIC_FUNDERS.includes(l.funder)).reduce((s, l) => s + expectedCents(l), 0);
  const privateCents = plan.lines.filter((l) => l.funder === 'prive').reduce((s, l) => s + expectedCents(l), 0);
  const allCents = plan.lines.reduce((s, l) => s + expectedCents(l), 0);
  const minRate = rates.ownShare[plan.ownShareRule];
  const minOwnSharePercent = Math.round(minRate * 1000) / 10;
  const fctvaRatePercent = Math.round(rates.fctvaRate * 100000) / 1000;
  const warnings: PlanWarning[] = [];
  if (plan.costHtCents === null) {
    return { costHtCents: null, costTtcCents: null, publicAidCents, privateCents, ownShareCents: null, ownSharePercent: null, ownShareRule: plan.ownShareRule, minOwnSharePercent, minOwnShareCents: null, gapCents: null, fctvaCents: null, fctvaRatePercent, warnings };
  }
  const base = Math.max(0, plan.costHtCents - privateCents);
  const ownShareCents = Math.max(0, base - publicAidCents);
  const minOwnShareCents = Math.round(base * minRate);
  if (ownShareCents < minOwnShareCents) {
    const by = minOwnShareCents - ownShareCents;
    warnings.push({
      rule: 'autofinancement_minimum',
      byCents: by,
      message: `La part de la commune (${formatEuros(ownShareCents)}) est sous son minimum : ${percent(minRate)} du coût hors financements privés, soit ${formatEuros(minOwnShareCents)}. Il manque ${formatEuros(by)} d’autofinancement (article L1111-10 du code général des collectivités territoriales).`,
    });
  }
  if (publicAidCents > base) {
    warnings.push({
      rule: 'plafond_100',
      byCents: publicAidCents - base,
      message: `Les aides publiques (${formatEuros(publicAidCents)}) dépassent 100 % de la dépense subventionnable (${formatEuros(base)}) de ${formatEuros(publicAidCents - base)}.`,
    });
  }
  if (allCents > plan.costHtCents) {
    warnings.push({
      rule: 'depassement_cout',
      byCents: allCents - plan.costHtCents,
      message: `Les financements prévus (${formatEuros(allCents)}) dépassent le coût HT (${formatEuros(plan.costHtCents)}) de ${formatEuros(allCents - plan.costHtCents)}.`,
    });
  }
  return {
    costHtCents: plan.costHtCents,
    costTtcCents: plan.costTtcCents,
    publicAidCents,
    privateCents,
    ownShareCents,
    ownSharePercent: base > 0 ? Math.round((ownShareCents / base) * 1000) / 10 : null,
    ownShareRule: plan.ownShareRule,
    minOwnSharePercent,
    minOwnShareCents,
    gapCents: Math.max(0, plan.costHtCents - allCents),
    // An expected refund, paid one or two years later: rounded to the euro like every estimate.
    fctvaCents: plan.costTtcCents === null ? null : Math.round((plan.costTtcCents * rates.fctvaRate) / 100) * 100,
    fctvaRatePercent,
    warnings,
  };
}
