import type { ActorView, FundingLineView, RuleSetVersionView, SavedSimulationView } from '@carnet/contracts';
import type { RuleSetContent } from '@carnet/domain';
import type { ReadModelSet } from '@carnet/read-store';
import type { FinancingRuleSetDoc } from './projections/financing-rule-set.projection.js';
import type { FundingLineDoc, SimulationDoc } from './projections/project-financing.projection.js';

export type Viewer = (id: string, role: string) => ActorView;

/** Ids of the people a plan names (authors of steps and estimates). */
export const peopleOfPlan = (lines: FundingLineDoc[], simulations: SimulationDoc[]): string[] => [
  ...lines.flatMap((l) => l.steps.map((s) => s.byId)),
  ...simulations.map((s) => s.byId),
];

export const toLineView = (l: FundingLineDoc, view: Viewer): FundingLineView => ({
  ...l,
  steps: l.steps.map(({ byId, byRole, ...s }) => ({ ...s, by: view(byId, byRole) })),
});

export const toSimulationView = (s: SimulationDoc, view: Viewer): SavedSimulationView => ({
  id: s.id,
  at: s.at,
  by: view(s.byId, s.byRole),
  ruleSetVersion: s.ruleSetVersion,
  inputs: s.inputs,
  outputs: s.outputs,
});

/** A published version as the simulator reads it: the rules parsed back from the read model's JSON text. */
export type RuleSetVersionDoc = Omit<FinancingRuleSetDoc, 'rulesJson'> & { rules: RuleSetContent['rules'] };

/** Every published version of the département's rule set, oldest first (read model). */
export async function ruleSetVersions(set: ReadModelSet, ruleSetId: string): Promise<RuleSetVersionDoc[]> {
  const docs = await set.find<FinancingRuleSetDoc>('financing_rule_sets', { where: { ruleSetId }, orderBy: [{ field: 'version', direction: 'asc' }] });
  return docs.map(({ rulesJson, ...d }) => ({ ...d, rules: JSON.parse(rulesJson) as RuleSetContent['rules'] }));
}

export const toRuleSetView = (d: RuleSetVersionDoc, view: Viewer): RuleSetVersionView => ({
  ruleSetId: d.ruleSetId,
  version: d.version,
  title: d.title,
  effectiveFrom: d.effectiveFrom,
  sources: d.sources,
  note: d.note,
  publishedAt: d.publishedAt,
  publishedBy: view(d.publishedById, d.publishedByRole),
  schemes: d.schemes,
  rules: d.rules as Record<string, unknown>,
});
