import type { DomainEvent } from '../shared/decider.js';

/*
 * The financing plan of a project (issue #12): its cost, its funding lines and their life
 * (demandée → accordée → versée, or refusée; revised), the minimum own-share rule chosen by the
 * Département, and the estimates a person kept. All amounts are integer cents; dates are
 * calendar days (YYYY-MM-DD).
 */

/** Who funds a line. Private money is outside the base of the own-share rule; loans and own funds are the commune's money. */
export const FUNDERS = ['etat', 'region', 'departement', 'autre_public', 'prive', 'emprunt', 'fonds_propres'] as const;
export type Funder = (typeof FUNDERS)[number];
/** Public funders: their lines count as public aid. */
export const PUBLIC_FUNDERS: readonly Funder[] = ['etat', 'region', 'departement', 'autre_public'];

/** The scheme a line belongs to. */
export const FUNDING_SCHEMES = [
  'detr',
  'dsil',
  'fonds_vert',
  'contrat_rural_region',
  'contrat_rural_departement',
  'val_d_oise_territoires',
  'autre',
] as const;
export type FundingScheme = (typeof FUNDING_SCHEMES)[number];

export const AMOUNT_BASES = ['HT', 'TTC'] as const;
export type AmountBase = (typeof AMOUNT_BASES)[number];

export const INSTALMENT_KINDS = ['acompte', 'solde'] as const;
export type InstalmentKind = (typeof INSTALMENT_KINDS)[number];

/** The minimum own-share rule that applies to a project (CGCT L1111-10; derogations decided by the prefect). */
export const OWN_SHARE_RULES = ['standard', 'derogation_ecole', 'chef_de_file'] as const;
export type OwnShareRule = (typeof OWN_SHARE_RULES)[number];

export interface CostItem {
  label: string;
  amountHtCents: number;
}

export interface FinancingCostSetData {
  projectId: string;
  costHtCents: number;
  costTtcCents: number;
  items: CostItem[];
}
export interface FundingLineRequestedData {
  projectId: string;
  lineId: string;
  funder: Funder;
  scheme: FundingScheme;
  /** What the commune calls the line: « DETR 2026 », « Contrat rural — Région »… */
  label: string;
  amountCents: number;
  base: AmountBase;
  requestedOn: string;
  /** The saved estimate the line came from, when it did. */
  simulationId: string | null;
}
export interface FundingLineGrantedData {
  projectId: string;
  lineId: string;
  amountCents: number;
  grantedOn: string;
  /** Reference of the decision: arrêté, convention, délibération… */
  decisionReference: string;
}
export interface FundingInstalmentPaidData {
  projectId: string;
  lineId: string;
  instalmentId: string;
  kind: InstalmentKind;
  amountCents: number;
  paidOn: string;
}
export interface FundingLineRefusedData {
  projectId: string;
  lineId: string;
  refusedOn: string;
  reason: string;
}
export interface FundingLineRevisedData {
  projectId: string;
  lineId: string;
  /** The requested amount while the line is requested, the granted amount once it is granted. */
  amountCents: number;
  reason: string;
}
export interface OwnShareRuleChosenData {
  projectId: string;
  rule: OwnShareRule;
  reason: string;
}
/** An estimate a person kept on the project: inputs, the rule set used and what was told, exactly. */
export interface SimulationRunData {
  projectId: string;
  simulationId: string;
  ruleSetId: string;
  ruleSetVersion: number;
  inputs: SimulationInputs;
  outputs: SimulationOutputs;
}

export type FinancingCostSet = DomainEvent<'FinancingCostSet', FinancingCostSetData>;
export type FundingLineRequested = DomainEvent<'FundingLineRequested', FundingLineRequestedData>;
export type FundingLineGranted = DomainEvent<'FundingLineGranted', FundingLineGrantedData>;
export type FundingInstalmentPaid = DomainEvent<'FundingInstalmentPaid', FundingInstalmentPaidData>;
export type FundingLineRefused = DomainEvent<'FundingLineRefused', FundingLineRefusedData>;
export type FundingLineRevised = DomainEvent<'FundingLineRevised', FundingLineRevisedData>;
export type OwnShareRuleChosen = DomainEvent<'OwnShareRuleChosen', OwnShareRuleChosenData>;
export type SimulationRun = DomainEvent<'SimulationRun', SimulationRunData>;

export type FinancingEvent =
  | FinancingCostSet
  | FundingLineRequested
  | FundingLineGranted
  | FundingInstalmentPaid
  | FundingLineRefused
  | FundingLineRevised
  | OwnShareRuleChosen
  | SimulationRun;

export const FINANCING_EVENT_TYPES = [
  'FinancingCostSet',
  'FundingLineRequested',
  'FundingLineGranted',
  'FundingInstalmentPaid',
  'FundingLineRefused',
  'FundingLineRevised',
  'OwnShareRuleChosen',
  'SimulationRun',
] as const;
export const isFinancingEvent = (e: { type: string }): e is FinancingEvent => (FINANCING_EVENT_TYPES as readonly string[]).includes(e.type);

// ——— Simulator inputs and outputs (stored as such in SimulationRun) ———

/** Categories of works the rule sets know (eligibility of Fonds vert measures, DSIL priorities…). */
export const WORK_CATEGORIES = [
  'renovation_energetique_ecole',
  'renovation_energetique_batiment',
  'eclairage_public',
  'ecole_autres_travaux',
  'voirie_mobilite',
  'renaturation',
  'equipement_sport_culture',
  'patrimoine',
  'autre',
] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];

export interface SimulationInputs {
  codeInsee: string;
  communeName: string;
  /** INSEE population of the commune, as the product knew it when the estimate was made. */
  population: number;
  category: WorkCategory;
  costHtCents: number;
  costTtcCents: number;
  privateCents: number;
  /** Public aid already granted, by the State and by others. */
  obtainedStateCents: number;
  obtainedOtherCents: number;
  plannedStart: string | null;
  /** The prefect granted the school-energy derogation (10 %). */
  schoolDerogation: boolean;
  /** The project falls under a competence where the commune is chef de file (30 %). */
  chefDeFile: boolean;
}

/** One step of an explanation: a rule, its value and how it was obtained. */
export interface ExplanationStep {
  rule: string;
  label: string;
  /** French, readable value: « 300 000 € », « 40 % », « oui ». */
  value: string;
  /** The rule's formula as the rule set writes it (null for a given value). */
  formula: string | null;
  /** Sources named by the rule set for this rule. */
  sources: string[];
  /** The rule set marks this value « à valider par le Département ». */
  toValidate: boolean;
}

export interface SchemeEstimate {
  scheme: string;
  label: string;
  funder: Funder;
  eligible: boolean;
  /** Why (not) eligible, in French. */
  reason: string;
  minCents: number;
  maxCents: number;
  /** Rates of this scheme are not known yet: « à valider par le Département ». */
  toValidate: boolean;
  explanation: ExplanationStep[];
}

export interface SimulationOutputs {
  schemes: SchemeEstimate[];
  /** Own-share rule that applies: its rate in percent (20, 10 or 30) and its French name. */
  ownShare: { rule: OwnShareRule; ratePercent: number; label: string };
  /** Ceiling of all public aid under the own-share rule and under the 100 % cap. */
  publicAidCapCents: number;
  /** What is left for State aid once the other public aid is counted. */
  stateRoomCents: number;
  /** The constraint that binds, in words; null when no ceiling binds. */
  binding: { rule: 'autofinancement_minimum' | 'plafond_100' | 'plafond_dispositif' | null; message: string };
  publicAidMaxCents: number;
  /** The commune's share at best (all aid at its maximum), HT. */
  communeShareCents: number;
  fctvaCents: number;
  fctvaRatePercent: number;
  explanation: ExplanationStep[];
  ruleSet: { id: string; version: number; effectiveFrom: string; title: string };
  notice: string;
}
