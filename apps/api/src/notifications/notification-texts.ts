import { STEP_LABELS, eventTypeLabel, type EmailMode, type ProjectStep } from '@carnet/contracts';
import type { ActorRole } from '@carnet/domain';
import type { NotificationEntry } from './notification-rules.js';

/** The French one-line text of a notification, for `recipientId`; `actor` is the name resolved at read time. */
export function notificationText(entry: NotificationEntry, actor: string, recipientId: string, recipientRole?: string): string {
  const step = entry.step ? `« ${STEP_LABELS[entry.step as ProjectStep]} »` : '';
  switch (entry.type) {
    case 'ProjectCreated':
      return `${actor} a créé le projet.`;
    case 'QuestionAsked':
      return `${actor} a posé une question.`;
    case 'QuestionAssigned':
      return entry.audience.accountIds.includes(recipientId) ? `${actor} vous a confié une question.` : `${actor} a confié une question.`;
    case 'QuestionTakenInCharge':
      return `${actor} a pris en charge une question.`;
    case 'QuestionAnswered':
      return entry.audience.agents && recipientRole === 'departement_agent'
        ? `${actor} a complété la réponse d’une question dont une entrée de la FAQ est tirée : vérifiez l’entrée (FAQ › À revoir).`
        : `${actor} a répondu à une question.`;
    case 'QuestionReopened':
      return `${actor} a rouvert une question.`;
    case 'MessagePosted':
      return `${actor} a écrit un message.`;
    case 'InternalNoteAdded':
      return `${actor} a ajouté une note interne.`;
    case 'StepAdvanced':
      return `${actor} a fait passer le projet à l’étape ${step}.`;
    case 'StepReverted':
      return `${actor} a ramené le projet à l’étape ${step}.`;
    case 'ProgressUpdated':
      return `${actor} a mis à jour l’avancement (${entry.progress ?? 0} %).`;
    case 'DocumentAdded':
      return `${actor} a ajouté un document.`;
    case 'DocumentVersionAdded':
      return `${actor} a ajouté une nouvelle version d’un document.`;
    case 'PartnerInvolved':
      return `${actor} a associé votre organisation au projet.`;
    case 'PublicationRequested':
      return `${actor} a demandé la publication du projet.`;
    case 'PublicationRevised':
      return `${actor} a modifié la version à publier : elle attend l’accord du maire.`;
    case 'ProjectPublished':
      return `${actor} a approuvé la publication du projet.`;
    case 'PublicationWithdrawn':
      return `${actor} a retiré la publication du projet.`;
    default:
      // Any other event of the catalogue: its French name (libs/contracts/src/event-labels.ts), never its code.
      return `${actor} : ${eventTypeLabel(entry.type).toLowerCase()}.`;
  }
}

/** The e-mail mode of a person who never chose one: a daily digest for communes, immediate for those who handle questions. */
export function defaultEmailMode(role: ActorRole): EmailMode {
  if (role === 'departement_agent' || role === 'partner_member') return 'immediate';
  if (role === 'departement_admin' || role === 'auditor') return 'none';
  return 'daily_digest';
}
