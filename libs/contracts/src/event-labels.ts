import { FAQ_EVENT_TYPE_LABELS } from './faq.js';

/**
 * The French name of every event type of the catalogue (`event-store/schemas`): the one place the
 * project history, the audit and its type filter, the seat history and the notifications read it.
 * A test over the catalogue fails when an event type has none, so no raw event name reaches a person.
 */
export const EVENT_TYPE_LABELS: Record<string, string> = {
  ProjectCreated: 'Projet créé',
  ProjectDetailsChanged: 'Informations modifiées',
  StepAdvanced: 'Étape avancée',
  StepReverted: 'Retour à une étape précédente',
  ProgressUpdated: 'Avancement mis à jour',
  QuestionAsked: 'Question posée',
  QuestionAnswered: 'Réponse apportée',
  QuestionAssigned: 'Question attribuée',
  QuestionTakenInCharge: 'Question prise en charge',
  QuestionClosed: 'Question close',
  QuestionReopened: 'Question rouverte',
  MessagePosted: 'Message de la conversation',
  InternalNoteAdded: 'Note interne',
  PublicationRequested: 'Publication demandée',
  PublicationRevised: 'Version à publier modifiée',
  ProjectPublished: 'Projet publié',
  PublicationWithdrawn: 'Publication retirée',
  PartnerInvolved: 'Partenaire associé',
  ProjectLocated: 'Emplacement sur la carte modifié',
  DocumentAdded: 'Document ajouté',
  DocumentVersionAdded: 'Nouvelle version d’un document',
  DocumentVisibilityChanged: 'Visibilité d’un document modifiée',
  DocumentRemoved: 'Document retiré',
  SeatAssigned: 'Place attribuée',
  SeatReleased: 'Place libérée',
  SeatTransferred: 'Fonction de maire transmise',
  ...FAQ_EVENT_TYPE_LABELS,
  FinancingCostSet: 'Coût du projet (plan de financement) modifié',
  FundingLineRequested: 'Financement demandé',
  FundingLineGranted: 'Financement accordé',
  FundingInstalmentPaid: 'Versement reçu',
  FundingLineRefused: 'Financement refusé',
  FundingLineRevised: 'Ligne de financement révisée',
  OwnShareRuleChosen: 'Règle d’autofinancement minimal fixée',
  SimulationRun: 'Estimation des aides enregistrée',
  FinancingRuleSetPublished: 'Règles de financement publiées',
  OrganisationCreated: 'Organisation partenaire créée',
  AnchorRecorded: 'Ancre du journal enregistrée',
};

/** The French name of an event type; an unknown type (from a newer server) reads « Autre modification », never its code. */
export function eventTypeLabel(type: string): string {
  return Object.hasOwn(EVENT_TYPE_LABELS, type) ? EVENT_TYPE_LABELS[type] : 'Autre modification';
}
