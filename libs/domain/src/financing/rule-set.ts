import Engine from 'publicodes';
import { DomainError, type DecisionContext, type Decider, type DomainEvent } from '../shared/decider.js';
import { FUNDERS, type Funder } from './financing.events.js';

/*
 * Financing rule sets (issue #12, ADR 0019): the schemes, their eligibility and rates, the own-share
 * rule and the FCTVA rate, written as publicodes rules. Each version is an event of the stream
 * `financingrules-<departement>`, with its effective date, its sources and its author (metadata):
 * an estimate names the version it used, and a new version never changes a past estimate.
 */

/** A scheme the simulator reports on: its rules live under the publicodes namespace `rules`. */
export interface RuleSetScheme {
  id: string;
  label: string;
  funder: Funder;
  /** `etat`: shares the room left for State aid; `collectivite`: computed first at its own rates. */
  level: 'etat' | 'collectivite';
  /** Namespace of its rules: `<ns> . éligible`, `<ns> . motif`, `<ns> . minimum`, `<ns> . maximum`. */
  rules: string;
}

/** A rule as the rule set writes it (publicodes syntax, French keys). */
export type RawRule = Record<string, unknown> | string | number | null;

export interface RuleSetContent {
  title: string;
  effectiveFrom: string;
  sources: string[];
  /** Why this version: what changed. */
  note: string;
  schemes: RuleSetScheme[];
  rules: Record<string, RawRule>;
}

export interface FinancingRuleSetPublishedData extends RuleSetContent {
  ruleSetId: string;
  version: number;
}
export type FinancingRuleSetPublished = DomainEvent<'FinancingRuleSetPublished', FinancingRuleSetPublishedData>;
export type RuleSetEvent = FinancingRuleSetPublished;

export interface PublishFinancingRuleSet extends RuleSetContent {
  type: 'PublishFinancingRuleSet';
  ruleSetId: string;
}

export interface RuleSetState {
  version: number;
  /** Every version published, in order: a handler picks the one in force at a date. */
  versions: FinancingRuleSetPublishedData[];
}

/** The stream of the rule sets of a département: `financingrules-95`. */
export const ruleSetStreamId = (ruleSetId: string): string => `financingrules-${ruleSetId}`;

/** Rules every rule set must define: the simulator reads them by name. */
export const REQUIRED_RULES = [
  'commune . population',
  'projet . coût HT',
  'projet . coût TTC',
  'projet . financement privé',
  'projet . catégorie',
  'projet . dérogation école',
  'projet . chef de file',
  'projet . aides obtenues . État',
  'projet . aides obtenues . autres',
  'autofinancement . taux minimum',
  'aides . plafond règle autofinancement',
  'aides . plafond total',
  'aides . marge État',
  'fctva',
  'fctva . taux',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isCalendarDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Parses the rules with publicodes and checks the names the simulator needs: a French problem otherwise. */
export function checkRuleSet(content: RuleSetContent): void {
  const title = (content.title ?? '').trim();
  if (!title || title.length > 160) throw new DomainError('invalid_rule_set', 'Donnez un titre (160 caractères au plus) à cette version des règles.', 'invalid', 'title');
  if (!isCalendarDate(content.effectiveFrom)) throw new DomainError('invalid_date', 'La date d’effet doit être une date (AAAA-MM-JJ).', 'invalid', 'effectiveFrom');
  if (!Array.isArray(content.sources) || content.sources.length === 0 || content.sources.some((s) => typeof s !== 'string' || !s.trim())) {
    throw new DomainError('sources_required', 'Citez au moins une source (texte, circulaire, délibération).', 'invalid', 'sources');
  }
  if (!Array.isArray(content.schemes)) throw new DomainError('invalid_rule_set', 'La liste des dispositifs est manquante.', 'invalid', 'schemes');
  for (const scheme of content.schemes) {
    if (!scheme || !/^[a-z0-9_]{2,40}$/.test(scheme.id) || !scheme.label?.trim() || !(FUNDERS as readonly string[]).includes(scheme.funder) || !['etat', 'collectivite'].includes(scheme.level)) {
      throw new DomainError('invalid_scheme', `Le dispositif « ${scheme?.label ?? scheme?.id ?? '?'} » est mal décrit (identifiant, nom, financeur, niveau).`, 'invalid', 'schemes');
    }
  }
  let engine: Engine;
  try {
    engine = new Engine(content.rules as never, { logger: SILENT, strict: true });
  } catch (error) {
    throw new DomainError('invalid_rules', `Les règles ne se lisent pas : ${String((error as Error).message).split('\n')[0].slice(0, 300)}`, 'invalid', 'rules');
  }
  const names = new Set(Object.keys(engine.getParsedRules()));
  const missing = [
    ...REQUIRED_RULES,
    ...content.schemes.flatMap((s) => ['éligible', 'motif', 'minimum', 'maximum'].map((leaf) => `${s.rules} . ${leaf}`)),
  ].filter((name) => !names.has(name));
  if (missing.length > 0) throw new DomainError('missing_rules', `Il manque des règles : ${missing.join(', ')}.`, 'invalid', 'rules');
}

export const SILENT = { log: () => undefined, warn: () => undefined, error: () => undefined };

function decide(command: PublishFinancingRuleSet, state: RuleSetState, context: DecisionContext): RuleSetEvent[] {
  if (context.actor.role !== 'departement_admin') {
    throw new DomainError('forbidden', 'Seuls les administrateurs du Département publient les règles de financement.', 'forbidden');
  }
  checkRuleSet(command);
  const { type: _t, ...content } = command;
  return [
    {
      type: 'FinancingRuleSetPublished',
      schemaVersion: 1,
      data: { ...content, title: content.title.trim(), note: (content.note ?? '').trim(), version: state.version + 1 },
    },
  ];
}

export const ruleSetDecider: Decider<PublishFinancingRuleSet, RuleSetEvent, RuleSetState> = {
  decide,
  evolve: (state, e) => (e.type === 'FinancingRuleSetPublished' ? { version: e.data.version, versions: [...state.versions, e.data] } : state),
  initialState: () => ({ version: 0, versions: [] }),
};

/** The version in force on `date`: the latest published one whose effective date is on or before it (else the first). */
export function ruleSetInForce<T extends { version: number; effectiveFrom: string }>(versions: T[], date: string): T | null {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const inForce = sorted.filter((v) => v.effectiveFrom <= date);
  return inForce.length > 0 ? inForce.reduce((a, b) => (b.effectiveFrom >= a.effectiveFrom ? b : a)) : (sorted[0] ?? null);
}
