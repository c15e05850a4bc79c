import type { FinancingRuleSetPublishedData } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/**
 * One document per published version of a rule set (`<ruleSetId>:<version>`): versions are never changed.
 * The publicodes rules are kept as JSON text: their names hold dots (« contrat rural . taux »), which
 * MongoDB-wire stores do not all accept as field names.
 */
export interface FinancingRuleSetDoc extends Omit<FinancingRuleSetPublishedData, 'rules'> {
  rulesJson: string;
  publishedAt: string;
  publishedById: string;
  publishedByRole: string;
}

export const financingRuleSetProjection: Projection<FinancingRuleSetDoc> = {
  collection: 'financing_rule_sets',
  indexedFields: ['ruleSetId', 'version'],
  writeOnce: true,
  keyOf: (e) => (e.type === 'FinancingRuleSetPublished' ? `${(e.data as FinancingRuleSetPublishedData).ruleSetId}:${(e.data as FinancingRuleSetPublishedData).version}` : null),
  evolve: (_doc, e) => {
    const { rules, ...rest } = e.data as FinancingRuleSetPublishedData;
    return { ...rest, rulesJson: JSON.stringify(rules), publishedAt: e.metadata.recordedAt, publishedById: e.metadata.actorId, publishedByRole: e.metadata.actorRole };
  },
};
