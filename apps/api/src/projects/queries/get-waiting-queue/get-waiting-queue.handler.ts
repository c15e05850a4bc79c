import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DepartementTeam, QueueItem, WaitingQueue } from '@carnet/contracts';
import { isDepartementRole, type Actor } from '@carnet/domain';
import type { ReadModelSet, StoredDoc } from '@carnet/read-store';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { TeamDirectory } from '../../../directory/team-directory.js';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { ProblemException } from '../../../shared/problem.js';
import { ReadModels } from '../../../shared/read-models.js';
import { canSeeProject } from '../../project-access.js';
import { isOverdue } from '../../project.views.js';
import type { ProjectPartnerDoc } from '../../projections/project-partner.projection.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import type { QueueDoc } from '../../projections/question-queue.projection.js';
import { QuestionViewContextLoader } from '../../question-view-context.js';
import { GetWaitingQueueQuery } from './get-waiting-queue.query.js';

type Queued = QueueDoc & StoredDoc;

/**
 * « À traiter »: for an agent, the questions assigned to them and the unassigned ones of their
 * teams (every team when they belong to none); for a partner member, the questions assigned to
 * them and the unassigned ones of the projects their organisation follows. Overdue ones are also
 * listed apart. Only questions that wait for an answer (nouvelle, prise en charge) are listed.
 */
@QueryHandler(GetWaitingQueueQuery)
export class GetWaitingQueueHandler implements IQueryHandler<GetWaitingQueueQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly teams: TeamDirectory,
    private readonly people: PeopleDirectory,
    private readonly communes: CommuneCatalog,
    private readonly questionContext: QuestionViewContextLoader,
  ) {}

  async execute({ actor, minPosition }: GetWaitingQueueQuery): Promise<WaitingQueue> {
    if (!isDepartementRole(actor.role) && actor.role !== 'partner_member') {
      throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'La liste « À traiter » est celle des agents du Département et des partenaires.');
    }
    const set = await this.readModels.current(minPosition);
    const waiting = (docs: Queued[]) => docs.filter((d) => d.waiting);
    const mine = waiting(await set.find<QueueDoc>('question_queue', { where: { assigneeId: actor.id } }));
    const myTeams = actor.role === 'partner_member' ? [] : await this.teams.teamsOf(actor.id);
    const unassigned = (await this.unassignedFor(actor, myTeams, set)).filter((d) => d.assigneeId === null);

    const projects = await set.getMany<ProjectDoc>('projects', [...new Set([...mine, ...unassigned].map((d) => d.projectId))]);
    // A partner only ever sees questions of projects its organisation is involved in, even if once assigned elsewhere.
    const visible = (d: Queued) => {
      const project = projects.get(d.projectId);
      return !!project && canSeeProject(actor, project);
    };
    const now = this.questionContext.now();
    const overdueDays = this.questionContext.overdueDays;
    const view = await this.people.viewer([...mine, ...unassigned].flatMap((d) => (d.assigneeId ? [d.assigneeId] : [])));
    const toItem = (d: Queued): QueueItem => {
      const project = projects.get(d.projectId)!;
      return {
        projectId: d.projectId,
        projectTitle: project.title,
        communeName: this.communes.nameOf(project.codeInsee),
        questionId: d.id,
        category: d.category,
        text: d.text,
        status: d.status,
        team: d.team,
        assignee: d.assigneeId ? view(d.assigneeId, d.assigneeRole ?? 'departement_agent') : null,
        askedAt: d.askedAt,
        waitingSince: d.waitingSince,
        overdue: isOverdue(d, now, overdueDays),
      };
    };
    const oldestFirst = (a: QueueItem, b: QueueItem) => (a.waitingSince ?? a.askedAt).localeCompare(b.waitingSince ?? b.askedAt);
    const assignedToMe = mine.filter(visible).map(toItem).sort(oldestFirst);
    const unassignedItems = unassigned.filter(visible).map(toItem).sort(oldestFirst);
    return {
      teams: myTeams,
      assignedToMe,
      unassigned: unassignedItems,
      overdue: [...assignedToMe, ...unassignedItems].filter((i) => i.overdue).sort(oldestFirst),
      overdueDays,
    };
  }

  private async unassignedFor(actor: Actor, teams: DepartementTeam[], set: ReadModelSet): Promise<Queued[]> {
    if (actor.role === 'partner_member') {
      if (!actor.organisationId) return [];
      const involved = await set.find<ProjectPartnerDoc>('project_partners', { where: { organisationId: actor.organisationId } });
      const lists = await Promise.all(involved.map((p) => set.find<QueueDoc>('question_queue', { where: { projectId: p.projectId, waiting: true } })));
      return lists.flat();
    }
    if (teams.length === 0) return set.find<QueueDoc>('question_queue', { where: { waiting: true } });
    const lists = await Promise.all(teams.map((team) => set.find<QueueDoc>('question_queue', { where: { team, waiting: true } })));
    return lists.flat();
  }
}
