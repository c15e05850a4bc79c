import type { FinancingRuleSetPublishedData } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/** One document per published version of a rule set (`<ruleSetId>:<version>`): versions are never changed. */
export interface FinancingRuleSetDoc extends FinancingRuleSetPublishedData {
  publishedAt: string;
  publishedById: string;
  publishedByRole: string;
}

export const financingRuleSetProjection: Projection<FinancingRuleSetDoc> = {
  collection: 'financing_rule_sets',
  indexedFields: ['ruleSetId', 'version'],
  writeOnce: true,
  keyOf: (e) => (e.type === 'FinancingRuleSetPublished' ? `${(e.data as FinancingRuleSetPublishedData).ruleSetId}:${(e.data as FinancingRuleSetPublishedData).version}` : null),
  evolve: (_doc, e) => ({ ...(e.data as FinancingRuleSetPublishedData), publishedAt: e.metadata.recordedAt, publishedById: e.metadata.actorId, publishedByRole: e.metadata.actorRole }),
};
