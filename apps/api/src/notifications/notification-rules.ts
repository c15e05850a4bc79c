import {
  INTERNAL_EVENT_TYPES,
  QUESTION_ROUTING,
  departementOfCommune,
  isCommuneRole,
  type ActorRole,
  type DepartementTeam,
  type ProjectStep,
  type QuestionCategory,
} from '@carnet/domain';
import type { RecordedEvent } from '@carnet/event-store';

/**
 * WHO IS TOLD WHAT (issue #4, ADR 0012). Every business rule of notifications is in this file:
 * - `NOTIFICATION_RULES`: for each event type, the audience of the notification it makes (or none);
 * - `agentHandlesTeam`: the routing of a question's team to Département agents;
 * - `receives`: whether one person gets one notification (access, actor, internal notes, follows).
 */

/** Who a notification is for, decided from the event and the project as the feed knows it. */
export interface Audience {
  /** Members (mayor, collaborators) of the project's commune. */
  commune: boolean;
  /** Département agents routed by `agentHandlesTeam`; team null = any team (e.g. a message with no handler yet). */
  agents: { team: DepartementTeam | null } | null;
  /** People addressed directly (an assignee): they get it even if they stopped following the project. */
  accountIds: string[];
  /** Members of these partner organisations. */
  partnerOrganisations: string[];
  /** People who follow the project (explicitly, or by default: their commune's projects, the questions they handle). */
  followers: boolean;
  /** Staff and partners only: NEVER a commune member (internal notes). */
  internal: boolean;
}

/** What the feed knows of a project when an event arrives (kept by the notification-feed projection). */
export interface FeedContext {
  codeInsee: string;
  questions: Record<string, { team: DepartementTeam; assigneeId: string | null }>;
  /** Assignees of the project's questions: they follow the project by default. */
  handlers: string[];
  partners: string[];
  /** Questions FAQ entries were made from → the team owning the entry: a new answer there corrects a FAQ source (issue #11). */
  faqSources?: Record<string, DepartementTeam>;
}

/** A notification as stored in the feed: ids and facts only, no names, no texts typed by people. */
export interface NotificationEntry {
  /** The event's id. */
  id: string;
  position: number;
  type: string;
  at: string;
  actorId: string;
  actorRole: string;
  questionId: string | null;
  /** The step reached, for step changes. */
  step: ProjectStep | null;
  progress: number | null;
  audience: Audience;
}

const NOBODY: Audience = { commune: false, agents: null, accountIds: [], partnerOrganisations: [], followers: false, internal: false };
const audience = (a: Partial<Audience>): Audience => ({ ...NOBODY, ...a });
const fromCommune = (e: RecordedEvent) => isCommuneRole(e.metadata.actorRole as ActorRole);
type Data = Record<string, any>;

/**
 * The routing of new questions to Département agents. Where agents' team membership lives is not
 * decided yet (issue #4): until then EVERY agent is told of every team's questions. Change this
 * one function once agents have teams (e.g. `teamsOf(accountId).includes(team)`).
 */
export function agentHandlesTeam(agentTeams: readonly string[] | undefined, team: DepartementTeam | null): boolean {
  // An agent in no team sees the questions of every team (as « À traiter » does); a question of no team concerns everyone.
  return !agentTeams || agentTeams.length === 0 || team === null || agentTeams.includes(team);
}

/** Agents for a question: its assignee once there is one, otherwise the team it is routed to. */
function questionAgents(ctx: FeedContext, questionId: string): Partial<Audience> {
  const question = ctx.questions[questionId];
  if (question?.assigneeId) return { accountIds: [question.assigneeId] };
  return { agents: { team: question?.team ?? null } };
}

/** The audience of each event type; an event type not listed here notifies nobody. */
export const NOTIFICATION_RULES: Record<string, (event: RecordedEvent, ctx: FeedContext) => Audience | null> = {
  // The mayor's collaborators (or the mayor, when a collaborator or an agent created it) learn of a new project of their commune.
  ProjectCreated: () => audience({ commune: true }),
  QuestionAsked: (e) => {
    const d = e.data as Data;
    const team: DepartementTeam = d.team ?? QUESTION_ROUTING[d.category as QuestionCategory];
    return audience({ agents: { team }, followers: true });
  },
  QuestionAssigned: (e) => audience({ accountIds: [(e.data as Data).assignee.accountId] }),
  QuestionTakenInCharge: () => audience({ commune: true, followers: true }),
  QuestionAnswered: (e, ctx) => {
    // A later answer to a question a FAQ entry was made from corrects its source: the entry's team is told.
    const faqTeam = ctx.faqSources?.[(e.data as Data).questionId];
    return audience({ commune: true, followers: true, ...(faqTeam ? { agents: { team: faqTeam } } : {}) });
  },
  QuestionReopened: (e, ctx) => audience({ ...questionAgents(ctx, (e.data as Data).questionId), followers: true }),
  MessagePosted: (e, ctx) =>
    fromCommune(e)
      ? audience({ ...(ctx.handlers.length > 0 ? { accountIds: ctx.handlers } : { agents: { team: null } }), followers: true })
      : audience({ commune: true, followers: true }),
  InternalNoteAdded: (e, ctx) => {
    const questionId = (e.data as Data).questionId as string | null;
    const assignee = questionId ? ctx.questions[questionId]?.assigneeId : null;
    return audience({ accountIds: assignee ? [assignee] : [], followers: true, internal: true });
  },
  StepAdvanced: (e) => audience({ commune: !fromCommune(e), followers: true }),
  StepReverted: (e) => audience({ commune: !fromCommune(e), followers: true }),
  // A progress percentage moved within the same step (ProgressUpdated) notifies nobody: it is frequent
  // and says little; step changes, answers and documents do. Nobody is flooded (issue #4).
  DocumentAdded: () => audience({ commune: true, followers: true }),
  DocumentVersionAdded: () => audience({ commune: true, followers: true }),
  PartnerInvolved: (e) => audience({ partnerOrganisations: [(e.data as Data).organisationId] }),
  PublicationRequested: () => audience({ commune: true, followers: true }),
  PublicationRevised: () => audience({ commune: true, followers: true }),
  PublicationWithdrawn: () => audience({ commune: true, followers: true }),
  ProjectPublished: () => audience({ commune: true, followers: true }),
};

/** A possible recipient, as they are now. */
export interface Recipient {
  accountId: string;
  role: ActorRole;
  communeInsee: string | null;
  organisationId: string | null;
  /** The Département staff and auditors work for: they follow its communes' projects only (issue #17). */
  departement?: string | null;
  /** Their explicit choice on this project (PUT/DELETE follow), or undefined when they never chose. */
  follows: boolean | undefined;
  /** The Département teams of an agent (ADR 0010); empty or absent: no team, every question concerns them. */
  teams?: readonly string[];
}

const STAFF: ReadonlySet<string> = new Set(['departement_agent', 'departement_admin', 'auditor']);

/** Whether a person may see the project's follow-up at all (published or not). */
export function canFollow(r: Pick<Recipient, 'role' | 'communeInsee' | 'organisationId' | 'departement'>, feed: Pick<FeedContext, 'codeInsee' | 'partners'>): boolean {
  if (STAFF.has(r.role)) return !!r.departement && departementOfCommune(feed.codeInsee) === r.departement;
  if (isCommuneRole(r.role)) return r.communeInsee === feed.codeInsee;
  if (r.role === 'partner_member') return !!r.organisationId && feed.partners.includes(r.organisationId) && !!r.departement && departementOfCommune(feed.codeInsee) === r.departement;
  return false;
}

/** Default following: commune members follow their commune's projects; staff and partners, the projects whose questions they handle. */
export function followsByDefault(r: Recipient, feed: FeedContext): boolean {
  if (isCommuneRole(r.role)) return r.communeInsee === feed.codeInsee;
  return feed.handlers.includes(r.accountId);
}

export function isFollowing(r: Recipient, feed: FeedContext): boolean {
  return canFollow(r, feed) && (r.follows ?? followsByDefault(r, feed));
}

/** Whether this person gets this notification. */
export function receives(r: Recipient, feed: FeedContext, entry: NotificationEntry): boolean {
  if (entry.actorId === r.accountId) return false; // nobody is told of what they did
  const communeMember = isCommuneRole(r.role);
  if (communeMember && (entry.audience.internal || INTERNAL_EVENT_TYPES.includes(entry.type))) return false;
  if (!canFollow(r, feed)) return false;
  const a = entry.audience;
  if (a.accountIds.includes(r.accountId)) return true;
  if (r.follows === false) return false; // unfollowed: only what is addressed to them
  if (a.commune && communeMember) return true;
  if (a.agents && r.role === 'departement_agent' && agentHandlesTeam(r.teams, a.agents.team)) return true;
  if (r.role === 'partner_member' && r.organisationId && a.partnerOrganisations.includes(r.organisationId)) return true;
  return a.followers && isFollowing(r, feed);
}
