import { FUNDER_LABELS, type FinancingPlanView } from '@carnet/contracts';

/** The granted (or paid) lines of a plan as rows of the public fiche's « Financements obtenus » (euros HT, French decimals). */
export function grantedFundingRows(plan: FinancingPlanView): Array<{ source: string; amount: string }> {
  return plan.lines
    .filter((l) => (l.status === 'accordee' || l.status === 'versee') && l.grantedCents !== null && !['fonds_propres', 'emprunt'].includes(l.funder))
    .map((l) => ({ source: `${l.label} (${FUNDER_LABELS[l.funder]})`, amount: String(l.grantedCents! / 100).replace('.', ',') }));
}
