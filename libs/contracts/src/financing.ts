import type { ActorView } from './index.js';

// ——— Financing plan and subsidy simulator (issue #12, ADR 0019). Amounts are integer cents. ———

export type Funder = 'etat' | 'region' | 'departement' | 'autre_public' | 'prive' | 'emprunt' | 'fonds_propres';
export type FundingScheme = 'detr' | 'dsil' | 'fonds_vert' | 'contrat_rural_region' | 'contrat_rural_departement' | 'val_d_oise_territoires' | 'autre';
export type FundingStatus = 'demandee' | 'accordee' | 'versee' | 'refusee';
export type OwnShareRule = 'standard' | 'derogation_ecole' | 'chef_de_file';
export type WorkCategory =
  | 'renovation_energetique_ecole'
  | 'renovation_energetique_batiment'
  | 'eclairage_public'
  | 'ecole_autres_travaux'
  | 'voirie_mobilite'
  | 'renaturation'
  | 'equipement_sport_culture'
  | 'patrimoine'
  | 'autre';

export const FUNDER_LABELS: Record<Funder, string> = {
  etat: 'État',
  region: 'Région',
  departement: 'Département',
  autre_public: 'Autre financeur public',
  prive: 'Financement privé (mécénat, dons)',
  emprunt: 'Emprunt',
  fonds_propres: 'Fonds propres de la commune',
};
export const SCHEME_LABELS: Record<FundingScheme, string> = {
  detr: 'DETR',
  dsil: 'DSIL',
  fonds_vert: 'Fonds vert',
  contrat_rural_region: 'Contrat rural (Région)',
  contrat_rural_departement: 'Contrat rural (Département)',
  val_d_oise_territoires: 'Fonds « Val-d’Oise Territoires »',
  autre: 'Autre dispositif',
};
export const FUNDING_STATUS_LABELS: Record<FundingStatus, string> = { demandee: 'Demandée', accordee: 'Accordée', versee: 'Versée', refusee: 'Refusée' };
export const OWN_SHARE_RULE_LABELS: Record<OwnShareRule, string> = {
  standard: 'Règle générale (20 % des financements publics)',
  derogation_ecole: 'Dérogation du préfet : rénovation énergétique d’une école (10 %)',
  chef_de_file: 'Compétence de chef de file (30 %)',
};
export const WORK_CATEGORY_LABELS: Record<WorkCategory, string> = {
  renovation_energetique_ecole: 'Rénovation énergétique d’une école',
  renovation_energetique_batiment: 'Rénovation énergétique d’un autre bâtiment public',
  eclairage_public: 'Éclairage public',
  ecole_autres_travaux: 'École (autres travaux)',
  voirie_mobilite: 'Voirie, mobilité',
  renaturation: 'Renaturation, espaces verts',
  equipement_sport_culture: 'Équipement sportif ou culturel',
  patrimoine: 'Patrimoine',
  autre: 'Autres travaux',
};

/** One step in the life of a funding line. */
export interface FundingStepView {
  kind: 'demandee' | 'accordee' | 'versement' | 'refusee' | 'revision';
  /** French sentence: « Accordée : 25 000 € le 01/02/2026 (Arrêté n° 12) ». */
  summary: string;
  amountCents: number | null;
  on: string | null;
  at: string;
  by: ActorView;
}

export interface FundingLineView {
  id: string;
  funder: Funder;
  scheme: FundingScheme;
  label: string;
  status: FundingStatus;
  base: 'HT' | 'TTC';
  requestedCents: number;
  requestedOn: string;
  grantedCents: number | null;
  grantedOn: string | null;
  decisionReference: string | null;
  paidCents: number;
  refusedOn: string | null;
  refusalReason: string | null;
  simulationId: string | null;
  steps: FundingStepView[];
}

export interface PlanWarningView {
  rule: 'autofinancement_minimum' | 'plafond_100' | 'depassement_cout';
  byCents: number;
  message: string;
}

export interface PlanChecksView {
  costHtCents: number | null;
  costTtcCents: number | null;
  publicAidCents: number;
  privateCents: number;
  ownShareCents: number | null;
  ownSharePercent: number | null;
  ownShareRule: OwnShareRule;
  minOwnSharePercent: number;
  minOwnShareCents: number | null;
  gapCents: number | null;
  fctvaCents: number | null;
  fctvaRatePercent: number;
  warnings: PlanWarningView[];
}

export interface ExplanationStepView {
  rule: string;
  label: string;
  value: string;
  formula: string | null;
  sources: string[];
  toValidate: boolean;
}

export interface SchemeEstimateView {
  scheme: string;
  label: string;
  funder: Funder;
  eligible: boolean;
  reason: string;
  minCents: number;
  maxCents: number;
  toValidate: boolean;
  explanation: ExplanationStepView[];
}

export interface SimulationInputsView {
  codeInsee: string;
  communeName: string;
  population: number;
  category: WorkCategory;
  costHtCents: number;
  costTtcCents: number;
  privateCents: number;
  obtainedStateCents: number;
  obtainedOtherCents: number;
  plannedStart: string | null;
  schoolDerogation: boolean;
  chefDeFile: boolean;
}

export interface SimulationOutputsView {
  schemes: SchemeEstimateView[];
  ownShare: { rule: OwnShareRule; ratePercent: number; label: string };
  publicAidCapCents: number;
  stateRoomCents: number;
  binding: { rule: 'autofinancement_minimum' | 'plafond_100' | 'plafond_dispositif' | null; message: string };
  publicAidMaxCents: number;
  communeShareCents: number;
  fctvaCents: number;
  fctvaRatePercent: number;
  explanation: ExplanationStepView[];
  ruleSet: { id: string; version: number; effectiveFrom: string; title: string };
  notice: string;
}

/** `POST /api/financing/simulate` and a saved estimate. */
export interface SimulationView {
  inputs: SimulationInputsView;
  outputs: SimulationOutputsView;
}

export interface SavedSimulationView extends SimulationView {
  id: string;
  at: string;
  by: ActorView;
  ruleSetVersion: number;
}

/** `GET /api/projects/:id/financing`. */
export interface FinancingPlanView {
  projectId: string;
  codeInsee: string;
  /** Version of the project (for If-Match). */
  version: number;
  costItems: { label: string; amountHtCents: number }[];
  ownShareReason: string | null;
  lines: FundingLineView[];
  checks: PlanChecksView;
  /** The rule set version the checks used. */
  ruleSet: { id: string; version: number; effectiveFrom: string; title: string } | null;
  simulations: SavedSimulationView[];
  /** What the person may do. */
  canEdit: boolean;
  canChooseRule: boolean;
}

/** `GET /api/projects/:id/financing/simulations/:sid/replay`: the saved estimate computed again with its own rule set version. */
export interface SimulationReplayView {
  saved: SavedSimulationView;
  replayed: SimulationOutputsView;
  identical: boolean;
}

export interface RuleSetVersionView {
  ruleSetId: string;
  version: number;
  title: string;
  effectiveFrom: string;
  sources: string[];
  note: string;
  publishedAt: string;
  publishedBy: ActorView;
  schemes: { id: string; label: string; funder: Funder; level: 'etat' | 'collectivite'; rules: string }[];
  rules: Record<string, unknown>;
}

/** `GET /api/financing/similar`: Fonds vert 2023 grants of a measure in the département. */
export interface SimilarGrantsView {
  measure: string;
  /** The Département whose grants these are (the person's): its code and name. */
  departement: string;
  departementName: string;
  grants: { communeName: string; codeInsee: string; projectName: string; amountCents: number }[];
  medianCents: number | null;
  minCents: number | null;
  maxCents: number | null;
  source: string;
  licence: string;
}

/** `GET /api/audit/projects/:id/financing?at=`: the financing plan as the log says it was at a date. */
export interface FinancingAsOfView {
  at: string;
  eventsApplied: number;
  costHtCents: number | null;
  costTtcCents: number | null;
  ownShareRule: OwnShareRule;
  lines: FundingLineView[];
  simulations: SavedSimulationView[];
}

/** `GET /api/dashboards/departement/financing`: funding per funder and year, and the plans that break the own-share rule. */
export interface FinancingDashboardView {
  byFunderAndYear: Array<{ funder: Funder; year: string; requestedCents: number; grantedCents: number; paidCents: number }>;
  breakingOwnShare: Array<{ projectId: string; title: string; communeName: string; ownSharePercent: number | null; minOwnSharePercent: number; missingCents: number }>;
}

/** Financing totals of one project, as the projects export writes them. */
export interface ProjectFinancingTotals {
  costHtCents: number | null;
  requestedCents: number;
  grantedCents: number;
  paidCents: number;
  ownSharePercent: number | null;
  breaksOwnShareRule: boolean | null;
}
