import type {
  FinancingCostSetData,
  FundingInstalmentPaidData,
  FundingLineGrantedData,
  FundingLineRefusedData,
  FundingLineRequestedData,
  FundingLineRevisedData,
  OwnShareRuleChosenData,
  OwnShareRule,
  SimulationRunData,
} from '@carnet/domain';
import { formatEuros } from '@carnet/domain';
import type { RecordedEvent } from '@carnet/event-store';
import type { Projection } from '@carnet/read-store';
import type { FundingLineView, FundingStepView } from '@carnet/contracts';

/** A step with its author's id and role (names are looked up at read time). */
export type FundingStepDoc = Omit<FundingStepView, 'by'> & { byId: string; byRole: string };
export type FundingLineDoc = Omit<FundingLineView, 'steps'> & { steps: FundingStepDoc[] };
export interface SimulationDoc {
  id: string;
  at: string;
  byId: string;
  byRole: string;
  ruleSetId: string;
  ruleSetVersion: number;
  inputs: SimulationRunData['inputs'];
  outputs: SimulationRunData['outputs'];
}

/** One document per project: its financing plan, every line with its life, and the estimates kept. */
export interface ProjectFinancingDoc {
  projectId: string;
  codeInsee: string;
  costHtCents: number | null;
  costTtcCents: number | null;
  costItems: { label: string; amountHtCents: number }[];
  ownShareRule: OwnShareRule;
  ownShareReason: string | null;
  lines: FundingLineDoc[];
  simulations: SimulationDoc[];
}

const FINANCING_TYPES = new Set([
  'FinancingCostSet',
  'FundingLineRequested',
  'FundingLineGranted',
  'FundingInstalmentPaid',
  'FundingLineRefused',
  'FundingLineRevised',
  'OwnShareRuleChosen',
  'SimulationRun',
]);

const frDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const emptyPlan = (projectId: string, codeInsee: string): ProjectFinancingDoc => ({
  projectId,
  codeInsee,
  costHtCents: null,
  costTtcCents: null,
  costItems: [],
  ownShareRule: 'standard',
  ownShareReason: null,
  lines: [],
  simulations: [],
});

/**
 * Pure: the plan after one event of the project's stream. The read model and the auditor's
 * replay as of a date (audit area) fold this same function.
 */
export function evolveFinancingPlan(doc: ProjectFinancingDoc | null, e: RecordedEvent): ProjectFinancingDoc | null {
  const data = e.data as Record<string, unknown> & { projectId: string };
  if (e.type === 'ProjectCreated') return emptyPlan(data.projectId, String(data['codeInsee']));
  if (!doc) return null;
  if (!FINANCING_TYPES.has(e.type)) return doc;
  const next: ProjectFinancingDoc = { ...doc };
  const step = (s: Omit<FundingStepDoc, 'at' | 'byId' | 'byRole'>): FundingStepDoc => ({ ...s, at: e.metadata.recordedAt, byId: e.metadata.actorId, byRole: e.metadata.actorRole });
  const withLine = (lineId: string, change: (l: FundingLineDoc) => FundingLineDoc): ProjectFinancingDoc => ({
    ...next,
    lines: next.lines.map((l) => (l.id === lineId ? change(l) : l)),
  });
  switch (e.type) {
    case 'FinancingCostSet': {
      const d = e.data as FinancingCostSetData;
      return { ...next, costHtCents: d.costHtCents, costTtcCents: d.costTtcCents, costItems: d.items };
    }
    case 'FundingLineRequested': {
      const d = e.data as FundingLineRequestedData;
      const line: FundingLineDoc = {
        id: d.lineId,
        funder: d.funder,
        scheme: d.scheme,
        label: d.label,
        status: 'demandee',
        base: d.base,
        requestedCents: d.amountCents,
        requestedOn: d.requestedOn,
        grantedCents: null,
        grantedOn: null,
        decisionReference: null,
        paidCents: 0,
        refusedOn: null,
        refusalReason: null,
        simulationId: d.simulationId,
        steps: [step({ kind: 'demandee', summary: `Demandée : ${formatEuros(d.amountCents)} ${d.base} le ${frDate(d.requestedOn)}${d.simulationId ? ' (à partir d’une estimation)' : ''}`, amountCents: d.amountCents, on: d.requestedOn })],
      };
      return { ...next, lines: [...next.lines, line] };
    }
    case 'FundingLineGranted': {
      const d = e.data as FundingLineGrantedData;
      return withLine(d.lineId, (l) => ({
        ...l,
        status: 'accordee',
        grantedCents: d.amountCents,
        grantedOn: d.grantedOn,
        decisionReference: d.decisionReference,
        steps: [...l.steps, step({ kind: 'accordee', summary: `Accordée : ${formatEuros(d.amountCents)} le ${frDate(d.grantedOn)} (${d.decisionReference})`, amountCents: d.amountCents, on: d.grantedOn })],
      }));
    }
    case 'FundingInstalmentPaid': {
      const d = e.data as FundingInstalmentPaidData;
      return withLine(d.lineId, (l) => {
        const paidCents = l.paidCents + d.amountCents;
        return {
          ...l,
          paidCents,
          status: d.kind === 'solde' || paidCents === l.grantedCents ? 'versee' : l.status,
          steps: [...l.steps, step({ kind: 'versement', summary: `${d.kind === 'solde' ? 'Solde' : 'Acompte'} versé : ${formatEuros(d.amountCents)} le ${frDate(d.paidOn)}`, amountCents: d.amountCents, on: d.paidOn })],
        };
      });
    }
    case 'FundingLineRefused': {
      const d = e.data as FundingLineRefusedData;
      return withLine(d.lineId, (l) => ({
        ...l,
        status: 'refusee',
        refusedOn: d.refusedOn,
        refusalReason: d.reason,
        steps: [...l.steps, step({ kind: 'refusee', summary: `Refusée le ${frDate(d.refusedOn)} — motif : ${d.reason}`, amountCents: null, on: d.refusedOn })],
      }));
    }
    case 'FundingLineRevised': {
      const d = e.data as FundingLineRevisedData;
      return withLine(d.lineId, (l) => {
        const granted = l.status === 'accordee';
        const before = granted ? l.grantedCents! : l.requestedCents;
        return {
          ...l,
          ...(granted ? { grantedCents: d.amountCents } : { requestedCents: d.amountCents }),
          steps: [...l.steps, step({ kind: 'revision', summary: `Montant ${granted ? 'accordé' : 'demandé'} révisé : ${formatEuros(before)} → ${formatEuros(d.amountCents)} — motif : ${d.reason}`, amountCents: d.amountCents, on: null })],
        };
      });
    }
    case 'OwnShareRuleChosen': {
      const d = e.data as OwnShareRuleChosenData;
      return { ...next, ownShareRule: d.rule, ownShareReason: d.reason };
    }
    case 'SimulationRun': {
      const d = e.data as SimulationRunData;
      return {
        ...next,
        simulations: [
          ...next.simulations,
          { id: d.simulationId, at: e.metadata.recordedAt, byId: e.metadata.actorId, byRole: e.metadata.actorRole, ruleSetId: d.ruleSetId, ruleSetVersion: d.ruleSetVersion, inputs: d.inputs, outputs: d.outputs },
        ],
      };
    }
    default:
      return next;
  }
}

export const projectFinancingProjection: Projection<ProjectFinancingDoc> = {
  collection: 'project_financing',
  indexedFields: ['codeInsee'],
  keyOf: (e) => (e.type === 'ProjectCreated' || FINANCING_TYPES.has(e.type) ? (e.data as { projectId: string }).projectId : null),
  evolve: (doc, e) => evolveFinancingPlan(doc, e),
};
