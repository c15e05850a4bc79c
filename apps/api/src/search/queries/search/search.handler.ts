import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { projectPath, type SearchResult, type SearchResults } from '@carnet/contracts';
import { analyseQuery, excerptOf } from '@carnet/read-store';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import type { ProjectDoc } from '../../../projects/projections/project.projection.js';
import { canSeeProject } from '../../../projects/project-access.js';
import { ProblemException } from '../../../shared/problem.js';
import { ReadModels } from '../../../shared/read-models.js';
import type { SearchEntryDoc } from '../../projections/search-entry.projection.js';
import { maySeeInternal, searchScopes } from '../../search-scope.js';
import { SearchQuery } from './search.query.js';

/** Where a result is read in the web app. */
function linkOf(entry: SearchEntryDoc): string {
  if (entry.kind === 'question' || entry.kind === 'answer') return projectPath(entry.projectId, 'questions');
  if (entry.kind === 'message' || entry.kind === 'note') return projectPath(entry.projectId, 'echanges');
  return projectPath(entry.projectId);
}

@QueryHandler(SearchQuery)
export class SearchHandler implements IQueryHandler<SearchQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
  ) {}

  async execute({ filter, actor }: SearchQuery): Promise<SearchResults> {
    const terms = analyseQuery(filter.q);
    if (terms.length === 0) {
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', undefined, [
        { field: 'q', message: 'Précisez votre recherche : des mots comme « de », « la » ou « pour » ne suffisent pas.' },
      ]);
    }
    const set = await this.readModels.current(filter.minPosition);
    const scopes = await searchScopes(actor, filter.commune, set, (departement) => this.communes.codesOf(departement));
    const page = await set.search<SearchEntryDoc>('search_entries', {
      field: 'terms',
      terms,
      where: filter.type ? { kind: filter.type } : undefined,
      scopes,
      limit: filter.limit,
      offset: filter.offset,
    });
    const projects = await set.getMany<ProjectDoc>('projects', [...new Set(page.hits.map((h) => h.doc.projectId))]);
    const items: SearchResult[] = [];
    for (const { doc } of page.hits) {
      const project = projects.get(doc.projectId);
      // The scopes already decided; this second check keeps a mistake there from leaking anything.
      if (!project || !canSeeProject(actor, project) || (doc.internal && !maySeeInternal(actor, project))) continue;
      items.push({
        type: doc.kind,
        projectId: doc.projectId,
        projectTitle: project.title,
        codeInsee: project.codeInsee,
        communeName: this.communes.nameOf(project.codeInsee),
        questionId: doc.questionId,
        excerpt: excerptOf(doc.text, terms),
        link: linkOf(doc),
        at: doc.at,
      });
    }
    return { query: filter.q, total: page.total, items };
  }
}
