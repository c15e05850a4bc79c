import { FUNDER_LABELS, OWN_SHARE_RULE_LABELS, type Funder, type OwnShareRule } from '@carnet/contracts';
import { formatEuros } from '@carnet/domain';

const frDate = (iso: unknown): string => {
  const s = String(iso ?? '');
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}` : s;
};
const money = (cents: unknown): string => formatEuros(Number(cents));

/** A French sentence for each financing event of a project's history; null for other events. */
export function describeFinancingEvent(type: string, data: Record<string, unknown>): string | null {
  switch (type) {
    case 'FinancingCostSet':
      return `Coût du plan de financement : ${money(data.costHtCents)} HT, ${money(data.costTtcCents)} TTC${Array.isArray(data.items) && data.items.length > 0 ? ` (${data.items.length} postes)` : ''}`;
    case 'FundingLineRequested':
      return `Financement demandé : « ${String(data.label)} » (${FUNDER_LABELS[data.funder as Funder] ?? data.funder}), ${money(data.amountCents)} ${String(data.base)} le ${frDate(data.requestedOn)}${data.simulationId ? ', à partir d’une estimation' : ''}`;
    case 'FundingLineGranted':
      return `Financement accordé : ${money(data.amountCents)} le ${frDate(data.grantedOn)} — décision : ${String(data.decisionReference)}`;
    case 'FundingInstalmentPaid':
      return `${data.kind === 'solde' ? 'Solde' : 'Acompte'} versé : ${money(data.amountCents)} le ${frDate(data.paidOn)}`;
    case 'FundingLineRefused':
      return `Financement refusé le ${frDate(data.refusedOn)} — motif : ${String(data.reason)}`;
    case 'FundingLineRevised':
      return `Financement révisé : ${money(data.amountCents)} — motif : ${String(data.reason)}`;
    case 'OwnShareRuleChosen':
      return `Règle d’autofinancement : ${OWN_SHARE_RULE_LABELS[data.rule as OwnShareRule] ?? data.rule} — motif : ${String(data.reason)}`;
    case 'SimulationRun': {
      const outputs = data.outputs as { ruleSet?: { version?: number }; binding?: { message?: string } } | undefined;
      return `Estimation des aides enregistrée (règles version ${outputs?.ruleSet?.version ?? '?'})${outputs?.binding?.message ? ` — ${outputs.binding.message}` : ''}`;
    }
    default:
      return null;
  }
}
