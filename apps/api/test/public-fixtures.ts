import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@carnet/event-store';
import type { PublicContent } from '@carnet/domain';
import { EVENT_STORE } from '../src/infrastructure/tokens.js';
import { publicationFingerprint } from '../src/shared/fingerprint.js';
import type { startApp } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;

/**
 * Writes the publication events of issue #5 straight into the event log, as the publication
 * workflow (another branch) will: a finished project, requests, revisions, approvals, withdrawals.
 */
export class PublicationScript {
  readonly projectId = randomUUID();
  private revision = -1;
  position = 0;

  constructor(
    private readonly t: App,
    readonly title = `Rénovation du lavoir ${Math.random().toString(36).slice(2, 8)}`,
    readonly codeInsee = '95002',
  ) {}

  private get events(): EventStore {
    return this.t.app.get(EVENT_STORE);
  }

  async append(type: string, data: Record<string, unknown>, schemaVersion = 1): Promise<number> {
    const event: NewEvent = {
      id: randomUUID(),
      type,
      schemaVersion,
      data: { projectId: this.projectId, ...data },
      metadata: {
        actorId: 'persona-maire-95002',
        actorRole: 'commune_mayor',
        actorCommune: this.codeInsee,
        correlationId: randomUUID(),
        causationId: randomUUID(),
        commandId: randomUUID(),
        recordedAt: new Date().toISOString(),
      },
    };
    const result = await this.events.appendToStream(`project-${this.projectId}`, [event], this.revision < 0 ? 'no_stream' : this.revision);
    this.revision++;
    this.position = result.position;
    return result.position;
  }

  async finished(theme = 'patrimoine'): Promise<this> {
    await this.append('ProjectCreated', { codeInsee: this.codeInsee, title: this.title, description: 'Interne : ne pas publier.', theme, estimatedCostHt: 40000 });
    await this.append('StepAdvanced', { from: 'idee', to: 'travaux', progress: 60, comment: null });
    await this.append('StepAdvanced', { from: 'travaux', to: 'termine', progress: 100, comment: null });
    return this;
  }

  content(over: Partial<PublicContent> = {}): PublicContent {
    return {
      title: this.title,
      summary: 'Le lavoir du XIXe siècle a retrouvé son toit de tuiles et son bassin.',
      finalCostHt: 38500,
      funding: [{ source: 'Département du Val d’Oise — patrimoine rural', amountHt: 15000 }],
      lessonsLearned: 'Faire venir le couvreur avant l’hiver.',
      documents: [],
      ...over,
    };
  }

  request(version: number, content: PublicContent) {
    return this.append('PublicationRequested', { version, content }, 2);
  }
  revise(version: number, content: PublicContent) {
    return this.append('PublicationRevised', { version, content, reason: 'Montant corrigé' });
  }
  approve(version: number, content: PublicContent) {
    return this.append('ProjectPublished', { version, fingerprint: publicationFingerprint(this.projectId, version, content) }, 2);
  }
  withdraw() {
    return this.append('PublicationWithdrawn', { reason: 'Demande du maire' });
  }
}
