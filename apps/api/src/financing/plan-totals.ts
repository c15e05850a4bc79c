import type { FinancingDashboardView } from '@carnet/contracts';
import { PUBLIC_FUNDERS, checkPlan, expectedCents, planRates, ruleSetInForce, type Funder, type PlanRates } from '@carnet/domain';
import type { ReadModelSet } from '@carnet/read-store';
import { ruleSetVersions } from './financing-views.js';
import type { ProjectFinancingDoc } from './projections/project-financing.projection.js';

/** What the projects export and the dashboards say of one plan. */
export interface PlanTotals {
  costHtCents: number | null;
  requestedCents: number;
  grantedCents: number;
  paidCents: number;
  ownSharePercent: number | null;
  /** null when the cost is not known (nothing to check yet). */
  breaksOwnShareRule: boolean | null;
  missingOwnShareCents: number;
}

const DEFAULT_RATES: PlanRates = { ownShare: { standard: 0.2, derogation_ecole: 0.1, chef_de_file: 0.3 }, fctvaRate: 0.16404 };

/** The rates of the rule set in force on `day` (the checks of today's plans). */
export async function ratesInForce(set: ReadModelSet, departement: string, day: string): Promise<PlanRates> {
  const ruleSet = ruleSetInForce(await ruleSetVersions(set, departement), day);
  return ruleSet ? planRates(ruleSet) : DEFAULT_RATES;
}

export function planTotals(doc: ProjectFinancingDoc, rates: PlanRates): PlanTotals {
  const checks = checkPlan({ costHtCents: doc.costHtCents, costTtcCents: doc.costTtcCents, ownShareRule: doc.ownShareRule, lines: doc.lines }, rates);
  const missing = checks.warnings.find((w) => w.rule === 'autofinancement_minimum');
  return {
    costHtCents: doc.costHtCents,
    requestedCents: doc.lines.filter((l) => l.status !== 'refusee').reduce((s, l) => s + l.requestedCents, 0),
    grantedCents: doc.lines.reduce((s, l) => s + (l.status === 'refusee' ? 0 : (l.grantedCents ?? 0)), 0),
    paidCents: doc.lines.reduce((s, l) => s + l.paidCents, 0),
    ownSharePercent: checks.ownSharePercent,
    breaksOwnShareRule: doc.costHtCents === null ? null : !!missing,
    missingOwnShareCents: missing?.byCents ?? 0,
  };
}

/** Requested, granted and paid per funder and per year (of the request, the decision, the payment). */
export function fundingByFunderAndYear(docs: ProjectFinancingDoc[]): FinancingDashboardView['byFunderAndYear'] {
  const cells = new Map<string, { funder: Funder; year: string; requestedCents: number; grantedCents: number; paidCents: number }>();
  const cell = (funder: Funder, year: string) => {
    const key = `${funder}:${year}`;
    if (!cells.has(key)) cells.set(key, { funder, year, requestedCents: 0, grantedCents: 0, paidCents: 0 });
    return cells.get(key)!;
  };
  for (const doc of docs) {
    for (const line of doc.lines) {
      if (!PUBLIC_FUNDERS.includes(line.funder) && line.funder !== 'prive') continue;
      cell(line.funder, line.requestedOn.slice(0, 4)).requestedCents += line.status === 'refusee' ? 0 : line.requestedCents;
      if (line.grantedOn && line.status !== 'refusee') cell(line.funder, line.grantedOn.slice(0, 4)).grantedCents += line.grantedCents ?? 0;
      for (const step of line.steps) if (step.kind === 'versement' && step.on) cell(line.funder, step.on.slice(0, 4)).paidCents += step.amountCents ?? 0;
    }
  }
  return [...cells.values()].sort((a, b) => a.year.localeCompare(b.year) || a.funder.localeCompare(b.funder));
}

export { expectedCents };
