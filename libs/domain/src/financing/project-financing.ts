import { DomainError, isCommuneRole, isDepartementRole, type Actor, type DecisionContext } from '../shared/decider.js';
import {
  AMOUNT_BASES,
  FUNDERS,
  FUNDING_SCHEMES,
  INSTALMENT_KINDS,
  OWN_SHARE_RULES,
  type AmountBase,
  type CostItem,
  type FinancingEvent,
  type Funder,
  type FundingScheme,
  type InstalmentKind,
  type OwnShareRule,
  type SchemeEstimate,
  type SimulationInputs,
} from './financing.events.js';
import { isCalendarDate } from './rule-set.js';
import { formatEuros, simulate, type RuleSetVersion } from './simulator.js';

/*
 * The financing plan's rules (issue #12): who may change it, and the life of a funding line —
 * demandée → accordée → versée (instalments up to the granted amount) or refusée; revised while
 * requested or granted. The project decider delegates here so that these rules sit in one file.
 */

export const AMOUNT_MAX_CENTS = 100_000_000_000; // 1 milliard d’euros
export const LABEL_MAX = 160;
export const FUNDING_REASON_MAX = 1000;
export const COST_ITEMS_MAX = 50;

export interface SetFinancingCost {
  type: 'SetFinancingCost';
  costHtCents: number;
  costTtcCents: number;
  items?: CostItem[];
}
export interface RequestFunding {
  type: 'RequestFunding';
  funder: Funder;
  scheme: FundingScheme;
  label: string;
  amountCents: number;
  base: AmountBase;
  requestedOn: string;
}
export interface GrantFunding {
  type: 'GrantFunding';
  lineId: string;
  amountCents: number;
  grantedOn: string;
  decisionReference: string;
}
export interface PayFunding {
  type: 'PayFunding';
  lineId: string;
  kind: InstalmentKind;
  amountCents: number;
  paidOn: string;
}
export interface RefuseFunding {
  type: 'RefuseFunding';
  lineId: string;
  refusedOn: string;
  reason: string;
}
export interface ReviseFunding {
  type: 'ReviseFunding';
  lineId: string;
  amountCents: number;
  reason: string;
}
export interface ChooseOwnShareRule {
  type: 'ChooseOwnShareRule';
  rule: OwnShareRule;
  reason: string;
}
/** Keep an estimate on the project: the handler gives the rule set version in force; the decider computes. */
export interface SaveSimulation {
  type: 'SaveSimulation';
  inputs: SimulationInputs;
  ruleSet: RuleSetVersion;
}
/** Turn a saved estimate into requested funding lines (one per eligible scheme with an amount). */
export interface RequestFundingFromSimulation {
  type: 'RequestFundingFromSimulation';
  simulationId: string;
  requestedOn: string;
}
export type FinancingCommand =
  | SetFinancingCost
  | RequestFunding
  | GrantFunding
  | PayFunding
  | RefuseFunding
  | ReviseFunding
  | ChooseOwnShareRule
  | SaveSimulation
  | RequestFundingFromSimulation;

export const FINANCING_COMMAND_TYPES = [
  'SetFinancingCost',
  'RequestFunding',
  'GrantFunding',
  'PayFunding',
  'RefuseFunding',
  'ReviseFunding',
  'ChooseOwnShareRule',
  'SaveSimulation',
  'RequestFundingFromSimulation',
] as const;
export const isFinancingCommand = (c: { type: string }): c is FinancingCommand => (FINANCING_COMMAND_TYPES as readonly string[]).includes(c.type);

export type FundingStatus = 'demandee' | 'accordee' | 'versee' | 'refusee';

export interface FundingLineState {
  funder: Funder;
  scheme: FundingScheme;
  label: string;
  status: FundingStatus;
  requestedCents: number;
  requestedOn: string;
  grantedCents: number | null;
  grantedOn: string | null;
  paidCents: number;
  refusedOn: string | null;
}

export interface FinancingState {
  costHtCents: number | null;
  costTtcCents: number | null;
  ownShareRule: OwnShareRule;
  lines: Record<string, FundingLineState>;
  /** Saved estimates: what the one-click request needs of each. */
  simulations: Record<string, { schemes: SchemeEstimate[]; stateRoomCents: number }>;
}

export const initialFinancingState = (): FinancingState => ({ costHtCents: null, costTtcCents: null, ownShareRule: 'standard', lines: {}, simulations: {} });

/** The facts of the project the financing rules need. */
export interface FinancingContext {
  projectId: string;
  codeInsee: string;
  financing: FinancingState;
}

const V = 1;
const ev = <E extends FinancingEvent>(type: E['type'], data: E['data']): E => ({ type, schemaVersion: V, data }) as E;

function forbid(message: string): never {
  throw new DomainError('forbidden', message, 'forbidden');
}

function amount(value: number, field: string, label: string): number {
  if (!Number.isInteger(value) || value <= 0 || value > AMOUNT_MAX_CENTS) {
    throw new DomainError('invalid_amount', `${label} doit être un montant positif (en centimes entiers).`, 'invalid', field);
  }
  return value;
}

function date(value: string, field: string, label: string, now: Date): string {
  if (!isCalendarDate(value)) throw new DomainError('invalid_date', `${label} doit être une date (AAAA-MM-JJ).`, 'invalid', field);
  // A decision or a payment is a fact: it cannot be dated after tomorrow (time zones).
  const tomorrow = new Date(now.getTime() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  if (value > tomorrow) throw new DomainError('future_date', `${label} ne peut pas être dans le futur.`, 'invalid', field);
  return value;
}

function text(value: string | undefined, field: string, label: string, max: number): string {
  const t = (value ?? '').trim();
  if (!t) throw new DomainError('required', `${label} est obligatoire.`, 'invalid', field);
  if (t.length > max) throw new DomainError('too_long', `${label} dépasse ${max} caractères.`, 'invalid', field);
  return t;
}

const frDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function line(state: FinancingState, lineId: string): FundingLineState {
  const found = state.lines[lineId];
  if (!found) throw new DomainError('funding_line_not_found', 'Cette ligne de financement n’existe pas sur ce projet.', 'not_found', 'lineId');
  return found;
}

/** The commune of the project and the Département edit the plan; involved partners and auditors read it. */
export function canEditFinancing(actor: Actor, codeInsee: string): boolean {
  return isDepartementRole(actor.role) || (isCommuneRole(actor.role) && actor.communeInsee === codeInsee);
}

function requireOpen(l: FundingLineState, what: string): void {
  if (l.status === 'refusee') {
    throw new DomainError('funding_refused', `Ce financement a été refusé le ${frDate(l.refusedOn!)} : il ne peut plus être ${what}. Enregistrez une nouvelle demande si le financeur réexamine le dossier.`, 'conflict');
  }
  if (l.status === 'versee') throw new DomainError('funding_paid', `Ce financement a été versé en totalité (solde reçu) : il ne peut plus être ${what}.`, 'conflict');
}

/** The decisions on the financing plan, called by the project decider on an existing project (auditors already refused). */
export function decideFinancing(command: FinancingCommand, project: FinancingContext, context: DecisionContext): FinancingEvent[] {
  const { actor, now, newId } = context;
  const { projectId, financing: state } = project;
  if (command.type === 'ChooseOwnShareRule') {
    if (!isDepartementRole(actor.role)) forbid('Seul le Département choisit la règle d’autofinancement d’un projet (dérogation du préfet, compétence de chef de file).');
    if (!(OWN_SHARE_RULES as readonly string[]).includes(command.rule)) throw new DomainError('invalid_rule', 'Cette règle d’autofinancement n’existe pas.', 'invalid', 'rule');
    if (command.rule === state.ownShareRule) throw new DomainError('no_change', 'Cette règle s’applique déjà à ce projet.', 'invalid', 'rule');
    return [ev('OwnShareRuleChosen', { projectId, rule: command.rule, reason: text(command.reason, 'reason', 'Le motif', FUNDING_REASON_MAX) })];
  }
  if (!canEditFinancing(actor, project.codeInsee)) forbid('Seuls la commune du projet et le Département modifient son plan de financement.');
  switch (command.type) {
    case 'SetFinancingCost': {
      const ht = amount(command.costHtCents, 'costHtCents', 'Le coût HT');
      const ttc = amount(command.costTtcCents, 'costTtcCents', 'Le coût TTC');
      if (ttc < ht) throw new DomainError('ttc_below_ht', 'Le coût TTC ne peut pas être inférieur au coût HT.', 'invalid', 'costTtcCents');
      const items = (command.items ?? []).map((item, i) => ({
        label: text(item.label, `items.${i}.label`, 'Le libellé du poste', LABEL_MAX),
        amountHtCents: amount(item.amountHtCents, `items.${i}.amountHtCents`, 'Le montant du poste'),
      }));
      if (items.length > COST_ITEMS_MAX) throw new DomainError('too_many_items', `Détaillez le coût en ${COST_ITEMS_MAX} postes au plus.`, 'invalid', 'items');
      const sum = items.reduce((s, i) => s + i.amountHtCents, 0);
      if (items.length > 0 && sum !== ht) {
        throw new DomainError('items_mismatch', `Les postes font ${formatEuros(sum)} HT, le coût HT est de ${formatEuros(ht)} : ils doivent être égaux.`, 'invalid', 'items');
      }
      if (ht === state.costHtCents && ttc === state.costTtcCents && items.length === 0) throw new DomainError('no_change', 'Le coût est déjà celui-ci.', 'invalid');
      return [ev('FinancingCostSet', { projectId, costHtCents: ht, costTtcCents: ttc, items })];
    }
    case 'RequestFunding': {
      if (!(FUNDERS as readonly string[]).includes(command.funder)) throw new DomainError('invalid_funder', 'Ce financeur n’est pas reconnu.', 'invalid', 'funder');
      if (!(FUNDING_SCHEMES as readonly string[]).includes(command.scheme)) throw new DomainError('invalid_scheme', 'Ce dispositif n’est pas reconnu.', 'invalid', 'scheme');
      if (!(AMOUNT_BASES as readonly string[]).includes(command.base)) throw new DomainError('invalid_base', 'La base est HT ou TTC.', 'invalid', 'base');
      return [
        ev('FundingLineRequested', {
          projectId,
          lineId: newId('funding-line'),
          funder: command.funder,
          scheme: command.scheme,
          label: text(command.label, 'label', 'Le libellé', LABEL_MAX),
          amountCents: amount(command.amountCents, 'amountCents', 'Le montant demandé'),
          base: command.base,
          requestedOn: date(command.requestedOn, 'requestedOn', 'La date de la demande', now),
          simulationId: null,
        }),
      ];
    }
    case 'GrantFunding': {
      const l = line(state, command.lineId);
      requireOpen(l, 'accordé');
      if (l.status === 'accordee') throw new DomainError('already_granted', 'Ce financement est déjà accordé : révisez son montant si la décision a changé.', 'conflict');
      const grantedOn = date(command.grantedOn, 'grantedOn', 'La date de la décision', now);
      if (grantedOn < l.requestedOn) throw new DomainError('granted_before_request', `La décision ne peut pas précéder la demande (${frDate(l.requestedOn)}).`, 'invalid', 'grantedOn');
      return [
        ev('FundingLineGranted', {
          projectId,
          lineId: command.lineId,
          amountCents: amount(command.amountCents, 'amountCents', 'Le montant accordé'),
          grantedOn,
          decisionReference: text(command.decisionReference, 'decisionReference', 'La référence de la décision (arrêté, convention)', LABEL_MAX),
        }),
      ];
    }
    case 'PayFunding': {
      const l = line(state, command.lineId);
      requireOpen(l, 'versé');
      if (l.status !== 'accordee') throw new DomainError('not_granted', 'Un financement est versé une fois accordé : enregistrez d’abord la décision.', 'conflict');
      const value = amount(command.amountCents, 'amountCents', 'Le montant versé');
      const paidOn = date(command.paidOn, 'paidOn', 'La date du versement', now);
      if (paidOn < l.grantedOn!) throw new DomainError('paid_before_grant', `Le versement ne peut pas précéder la décision (${frDate(l.grantedOn!)}).`, 'invalid', 'paidOn');
      if (!(INSTALMENT_KINDS as readonly string[]).includes(command.kind)) throw new DomainError('invalid_kind', 'Un versement est un acompte ou le solde.', 'invalid', 'kind');
      const total = l.paidCents + value;
      if (total > l.grantedCents!) {
        throw new DomainError(
          'paid_more_than_granted',
          `Ce versement de ${formatEuros(value)} porterait le total versé à ${formatEuros(total)}, au-delà des ${formatEuros(l.grantedCents!)} accordés. Vérifiez le montant, ou révisez d’abord le montant accordé.`,
          'invalid',
          'amountCents',
        );
      }
      return [ev('FundingInstalmentPaid', { projectId, lineId: command.lineId, instalmentId: newId('instalment'), kind: command.kind, amountCents: value, paidOn })];
    }
    case 'RefuseFunding': {
      const l = line(state, command.lineId);
      requireOpen(l, 'refusé');
      if (l.status === 'accordee') throw new DomainError('already_granted', 'Ce financement a déjà été accordé : révisez son montant plutôt que de le refuser.', 'conflict');
      const refusedOn = date(command.refusedOn, 'refusedOn', 'La date du refus', now);
      if (refusedOn < l.requestedOn) throw new DomainError('refused_before_request', `Le refus ne peut pas précéder la demande (${frDate(l.requestedOn)}).`, 'invalid', 'refusedOn');
      return [ev('FundingLineRefused', { projectId, lineId: command.lineId, refusedOn, reason: text(command.reason, 'reason', 'Le motif du refus', FUNDING_REASON_MAX) })];
    }
    case 'ReviseFunding': {
      const l = line(state, command.lineId);
      requireOpen(l, 'révisé');
      const value = amount(command.amountCents, 'amountCents', 'Le nouveau montant');
      const current = l.status === 'accordee' ? l.grantedCents! : l.requestedCents;
      if (value === current) throw new DomainError('no_change', 'Ce montant est déjà celui de la ligne.', 'invalid', 'amountCents');
      if (value < l.paidCents) {
        throw new DomainError('below_paid', `${formatEuros(l.paidCents)} ont déjà été versés : le montant accordé ne peut pas descendre en dessous.`, 'invalid', 'amountCents');
      }
      return [ev('FundingLineRevised', { projectId, lineId: command.lineId, amountCents: value, reason: text(command.reason, 'reason', 'Le motif de la révision', FUNDING_REASON_MAX) })];
    }
    case 'SaveSimulation': {
      const outputs = simulate(command.inputs, command.ruleSet);
      return [
        ev('SimulationRun', {
          projectId,
          simulationId: newId('simulation'),
          ruleSetId: command.ruleSet.ruleSetId,
          ruleSetVersion: command.ruleSet.version,
          inputs: command.inputs,
          outputs,
        }),
      ];
    }
    case 'RequestFundingFromSimulation': {
      const simulation = state.simulations[command.simulationId];
      if (!simulation) throw new DomainError('simulation_not_found', 'Cette estimation n’est pas enregistrée sur ce projet.', 'not_found', 'simulationId');
      const requestedOn = date(command.requestedOn, 'requestedOn', 'La date de la demande', now);
      // A scheme a later rule set added without a code of its own is requested as « autre », under its label.
      const wanted = simulation.schemes.filter((s) => s.eligible && s.maxCents > 0);
      if (wanted.length === 0) throw new DomainError('nothing_to_request', 'Cette estimation ne propose aucune aide à demander.', 'invalid');
      // State schemes share what the own-share rule leaves for State aid: requested in the rule set's order until it is used up.
      let stateRoom = simulation.stateRoomCents;
      const amounts = wanted.map((s) => {
        if (s.funder !== 'etat') return s.maxCents;
        const a = Math.min(s.maxCents, stateRoom);
        stateRoom -= a;
        return a;
      });
      return wanted.flatMap((s, i) => amounts[i] <= 0 ? [] : [
        ev('FundingLineRequested', {
          projectId,
          lineId: newId(`funding-line:${s.scheme}`),
          funder: s.funder,
          scheme: (FUNDING_SCHEMES as readonly string[]).includes(s.scheme) ? (s.scheme as FundingScheme) : 'autre',
          label: s.label,
          amountCents: amounts[i],
          base: 'HT',
          requestedOn,
          simulationId: command.simulationId,
        }),
      ]);
    }
  }
}

/** The financing plan after one of its events. */
export function evolveFinancing(state: FinancingState, e: FinancingEvent): FinancingState {
  const withLine = (lineId: string, change: (l: FundingLineState) => Partial<FundingLineState>): FinancingState => {
    const l = state.lines[lineId];
    return l ? { ...state, lines: { ...state.lines, [lineId]: { ...l, ...change(l) } } } : state;
  };
  switch (e.type) {
    case 'FinancingCostSet':
      return { ...state, costHtCents: e.data.costHtCents, costTtcCents: e.data.costTtcCents };
    case 'FundingLineRequested':
      return {
        ...state,
        lines: {
          ...state.lines,
          [e.data.lineId]: {
            funder: e.data.funder,
            scheme: e.data.scheme,
            label: e.data.label,
            status: 'demandee',
            requestedCents: e.data.amountCents,
            requestedOn: e.data.requestedOn,
            grantedCents: null,
            grantedOn: null,
            paidCents: 0,
            refusedOn: null,
          },
        },
      };
    case 'FundingLineGranted':
      return withLine(e.data.lineId, () => ({ status: 'accordee', grantedCents: e.data.amountCents, grantedOn: e.data.grantedOn }));
    case 'FundingInstalmentPaid':
      return withLine(e.data.lineId, (l) => {
        const paidCents = l.paidCents + e.data.amountCents;
        return { paidCents, status: e.data.kind === 'solde' || paidCents === l.grantedCents ? 'versee' : 'accordee' };
      });
    case 'FundingLineRefused':
      return withLine(e.data.lineId, () => ({ status: 'refusee', refusedOn: e.data.refusedOn }));
    case 'FundingLineRevised':
      return withLine(e.data.lineId, (l) => (l.status === 'accordee' ? { grantedCents: e.data.amountCents } : { requestedCents: e.data.amountCents }));
    case 'OwnShareRuleChosen':
      return { ...state, ownShareRule: e.data.rule };
    case 'SimulationRun':
      return { ...state, simulations: { ...state.simulations, [e.data.simulationId]: { schemes: e.data.outputs.schemes, stateRoomCents: e.data.outputs.stateRoomCents } } };
  }
}
