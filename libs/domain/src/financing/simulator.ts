import Engine from 'publicodes';
import type {
  ExplanationStep,
  OwnShareRule,
  SchemeEstimate,
  SimulationInputs,
  SimulationOutputs,
} from './financing.events.js';
import { SILENT, type RawRule, type RuleSetContent } from './rule-set.js';

/** A published rule set version, as the simulator needs it. */
export interface RuleSetVersion extends RuleSetContent {
  ruleSetId: string;
  version: number;
}

export const ESTIMATE_NOTICE = 'Estimation non contractuelle : seuls les financeurs décident de leurs aides.';

const OWN_SHARE_LABELS: Record<OwnShareRule, string> = {
  standard: 'règle d’autofinancement minimal',
  derogation_ecole: 'règle d’autofinancement avec la dérogation du préfet (écoles)',
  chef_de_file: 'règle d’autofinancement des compétences de chef de file',
};

/** Euros (publicodes) → integer cents, rounded to the euro: an estimate is never more precise than that. */
const euroCents = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value) * 100 : 0);

// Built once: making an Intl.NumberFormat costs far more than formatting with it (3 % of a rebuild's time, profiled).
const WHOLE_EUROS = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const EUROS_AND_CENTS = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const RATE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
const WHOLE = new Intl.NumberFormat('fr-FR');

/** fr-FR amount from cents, without decimals when they are zero: `300 000 €`. */
export function formatEuros(cents: number): string {
  const text = (cents % 100 === 0 ? WHOLE_EUROS : EUROS_AND_CENTS).format(cents / 100);
  return `${text.replace(/[\u202f\u00a0]/g, ' ')} €`;
}

function formatRate(value: number): string {
  return `${RATE.format(value)} %`;
}

/** The engine with a rule set and the situation of these inputs. */
function engineFor(ruleSet: RuleSetContent, inputs: SimulationInputs): Engine {
  const engine = new Engine(ruleSet.rules as never, { logger: SILENT });
  engine.setSituation({
    'commune . population': inputs.population,
    'projet . coût HT': inputs.costHtCents / 100,
    'projet . coût TTC': inputs.costTtcCents / 100,
    'projet . financement privé': inputs.privateCents / 100,
    'projet . catégorie': `'${inputs.category}'`,
    'projet . dérogation école': inputs.schoolDerogation ? 'oui' : 'non',
    'projet . chef de file': inputs.chefDeFile ? 'oui' : 'non',
    'projet . aides obtenues . État': inputs.obtainedStateCents / 100,
    'projet . aides obtenues . autres': inputs.obtainedOtherCents / 100,
  } as never);
  return engine;
}

const isRecord = (r: RawRule): r is Record<string, unknown> => typeof r === 'object' && r !== null;

/** The rules a rule reads (as publicodes resolved its references), without internal nodes. */
function referencesOf(engine: Engine, name: string): string[] {
  const refs = (engine as unknown as { context: { referencesMaps: { referencesIn: Map<string, Set<string>> } } }).context.referencesMaps.referencesIn.get(name);
  return [...(refs ?? [])].filter((r) => !r.includes('$') && r !== name && !name.startsWith(`${r} . `));
}

function conditionText(condition: unknown): string {
  if (typeof condition === 'string') return condition;
  if (isRecord(condition as RawRule)) {
    const record = condition as Record<string, unknown>;
    if (Array.isArray(record['toutes ces conditions'])) return (record['toutes ces conditions'] as unknown[]).map(conditionText).join(' et ');
    if (Array.isArray(record['une de ces conditions'])) return (record['une de ces conditions'] as unknown[]).map(conditionText).join(' ou ');
  }
  return JSON.stringify(condition);
}

/** How a rule is written, for a person: its formula and its ceilings. */
function formulaOf(raw: RawRule): string | null {
  if (!isRecord(raw)) return typeof raw === 'string' ? raw : null;
  const parts: string[] = [];
  if (typeof raw['valeur'] === 'string') parts.push(raw['valeur'] as string);
  if (Array.isArray(raw['somme'])) parts.push((raw['somme'] as string[]).join(' + '));
  if (Array.isArray(raw['variations'])) {
    parts.push(
      (raw['variations'] as Array<Record<string, unknown>>)
        .map((v) => ('si' in v ? `si ${conditionText(v['si'])} : ${v['alors']}` : `sinon : ${v['sinon']}`))
        .join(' ; '),
    );
  }
  if (raw['plafond'] !== undefined) parts.push(`au plus ${String(raw['plafond'])}`);
  if (raw['plancher'] !== undefined) parts.push(`au moins ${String(raw['plancher'])}`);
  if (raw['applicable si'] !== undefined) parts.push(`si ${String(raw['applicable si'])}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

function valueText(engine: Engine, name: string): string {
  const node = engine.evaluate(name);
  const value = node.nodeValue;
  if (value === null || value === undefined) return 'non applicable';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string') return value;
  const unit = node.unit as { numerators?: string[] } | undefined;
  if (unit?.numerators?.includes('%')) return formatRate(value);
  return /taux/.test(name) ? formatRate(value * 100) : /population|seuil/.test(name) ? WHOLE.format(value).replace(/[\u202f\u00a0]/g, ' ') : formatEuros(Math.round(value * 100));
}

const LEAF_LABELS: Record<string, string> = { minimum: 'montant minimal', maximum: 'montant maximal', 'éligible': 'éligibilité', motif: 'motif' };

/** The rule's title, or its parent's title and what the leaf means. */
function labelOf(ruleSet: RuleSetContent, name: string): string {
  const raw = ruleSet.rules[name];
  if (isRecord(raw) && typeof raw['titre'] === 'string') return raw['titre'] as string;
  const cut = name.lastIndexOf(' . ');
  if (cut > 0) {
    const leaf = name.slice(cut + 3);
    return `${labelOf(ruleSet, name.slice(0, cut))} — ${LEAF_LABELS[leaf] ?? leaf}`;
  }
  return name;
}

/** One step per rule: the rule, then the rules it reads, depth first, each once. */
function explain(engine: Engine, ruleSet: RuleSetContent, names: string[], depth = 6): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  const seen = new Set<string>();
  const visit = (name: string, level: number) => {
    if (seen.has(name) || !(name in ruleSet.rules)) return;
    seen.add(name);
    const raw = ruleSet.rules[name];
    const record = isRecord(raw) ? raw : {};
    const refs = record['références'];
    steps.push({
      rule: name,
      label: labelOf(ruleSet, name),
      value: valueText(engine, name),
      formula: formulaOf(raw),
      sources: refs && typeof refs === 'object' ? Object.keys(refs as object) : [],
      toValidate: isRecord(record['meta'] as RawRule) && (record['meta'] as Record<string, unknown>)['à valider'] === true,
    });
    if (level > 0) for (const ref of referencesOf(engine, name)) visit(ref, level - 1);
  };
  names.forEach((n) => visit(n, depth));
  return steps;
}

const ownShareRuleOf = (inputs: SimulationInputs, ratePercent: number): OwnShareRule =>
  inputs.chefDeFile && ratePercent === 30 ? 'chef_de_file' : inputs.schoolDerogation && ratePercent === 10 ? 'derogation_ecole' : 'standard';

/**
 * Estimates the aid a project may get under a rule set. Pure: the same inputs and the same rule set
 * version always give the same outputs, which is what lets an auditor replay a saved estimate.
 */
export function simulate(inputs: SimulationInputs, ruleSet: RuleSetVersion): SimulationOutputs {
  const engine = engineFor(ruleSet, inputs);
  const num = (name: string): number => {
    const v = engine.evaluate(name).nodeValue;
    return typeof v === 'number' ? v : 0;
  };
  const rate = num('autofinancement . taux minimum');
  const ratePercent = Math.round(rate * 1000) / 1000;
  const ownShare = { rule: ownShareRuleOf(inputs, ratePercent), ratePercent, label: OWN_SHARE_LABELS[ownShareRuleOf(inputs, ratePercent)] };

  const schemes: SchemeEstimate[] = ruleSet.schemes.map((scheme) => {
    const eligible = engine.evaluate(`${scheme.rules} . éligible`).nodeValue === true;
    const reason = String(engine.evaluate(`${scheme.rules} . motif`).nodeValue ?? '');
    const explanation = explain(engine, ruleSet, [`${scheme.rules} . maximum`, `${scheme.rules} . minimum`, `${scheme.rules} . éligible`]);
    const minCents = eligible ? euroCents(num(`${scheme.rules} . minimum`)) : 0;
    const maxCents = eligible ? euroCents(num(`${scheme.rules} . maximum`)) : 0;
    return {
      scheme: scheme.id,
      label: scheme.label,
      funder: scheme.funder,
      eligible,
      reason,
      minCents: Math.min(minCents, maxCents),
      maxCents,
      toValidate: explanation.some((s) => s.toValidate),
      explanation,
    };
  });

  const ownShareCapCents = euroCents(num('aides . plafond règle autofinancement'));
  const totalCapCents = euroCents(num('aides . plafond total'));
  const publicAidCapCents = Math.min(ownShareCapCents, totalCapCents);
  const stateRoomCents = euroCents(num('aides . marge État'));
  const collectivityCents = euroCents(num('aides . collectivités')) + inputs.obtainedStateCents;
  const stateSchemes = ruleSet.schemes.filter((s) => s.level === 'etat');
  const stateWanted = stateSchemes.reduce((sum, s) => {
    const est = schemes.find((e) => e.scheme === s.id);
    if (!est?.eligible) return sum;
    const own = `${s.rules} . plafond propre` in ruleSet.rules ? engine.evaluate(`${s.rules} . plafond propre`).nodeValue : null;
    return Math.max(sum, typeof own === 'number' ? euroCents(own) : est.maxCents);
  }, 0);
  const stateMaxCents = Math.min(stateWanted, stateRoomCents);
  const publicAidMaxCents = Math.min(collectivityCents + stateMaxCents, publicAidCapCents);
  const baseCents = inputs.costHtCents - inputs.privateCents;

  let binding: SimulationOutputs['binding'];
  if (stateSchemes.some((s) => schemes.find((e) => e.scheme === s.id)?.eligible) && stateWanted > stateRoomCents) {
    const byOwnShare = ownShareCapCents <= totalCapCents;
    binding = byOwnShare
      ? {
          rule: 'autofinancement_minimum',
          message: `Vous atteignez la ${ownShare.rule === 'standard' ? `règle des ${formatRate(ratePercent)} d’autofinancement` : ownShare.label} : au plus ${formatEuros(stateRoomCents)} d’aide de l’État.`,
        }
      : { rule: 'plafond_100', message: `Vous atteignez le plafond de 100 % de la dépense subventionnable : au plus ${formatEuros(stateRoomCents)} d’aide de l’État.` };
  } else if (collectivityCents > publicAidCapCents) {
    binding = { rule: 'autofinancement_minimum', message: `Les aides dépassent la ${ownShare.label} : au plus ${formatEuros(publicAidCapCents)} d’aides publiques en tout.` };
  } else {
    binding = { rule: stateSchemes.length > 0 ? 'plafond_dispositif' : null, message: 'Aucun plafond global n’est atteint : chaque aide est limitée par son propre taux.' };
  }

  const fctvaCents = euroCents(num('fctva'));
  return {
    schemes,
    ownShare,
    publicAidCapCents,
    stateRoomCents,
    binding,
    publicAidMaxCents,
    communeShareCents: Math.max(0, baseCents - publicAidMaxCents),
    fctvaCents,
    fctvaRatePercent: Math.round(num('fctva . taux') * 1000) / 1000,
    explanation: explain(engine, ruleSet, ['aides . marge État', 'fctva'], 4),
    ruleSet: { id: ruleSet.ruleSetId, version: ruleSet.version, effectiveFrom: ruleSet.effectiveFrom, title: ruleSet.title },
    notice: ESTIMATE_NOTICE,
  };
}

/** Rates of a rule set the live checks of a plan need (own-share minima and FCTVA), read through publicodes. */
export function planRates(ruleSet: RuleSetContent): { ownShare: Record<OwnShareRule, number>; fctvaRate: number } {
  const base: SimulationInputs = {
    codeInsee: '', communeName: '', population: 0, category: 'renovation_energetique_ecole', costHtCents: 0, costTtcCents: 0, privateCents: 0,
    obtainedStateCents: 0, obtainedOtherCents: 0, plannedStart: null, schoolDerogation: false, chefDeFile: false,
  };
  const rateWith = (patch: Partial<SimulationInputs>) => {
    const v = engineFor(ruleSet, { ...base, ...patch }).evaluate('autofinancement . taux minimum').nodeValue;
    return typeof v === 'number' ? v / 100 : 0.2;
  };
  const fctva = engineFor(ruleSet, base).evaluate('fctva . taux').nodeValue;
  return {
    ownShare: { standard: rateWith({}), derogation_ecole: rateWith({ schoolDerogation: true }), chef_de_file: rateWith({ chefDeFile: true }) },
    fctvaRate: typeof fctva === 'number' ? fctva / 100 : 0.16404,
  };
}
