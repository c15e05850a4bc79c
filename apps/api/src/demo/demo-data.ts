import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor, ProjectCommand, ProjectTheme } from '@carnet/domain';
import type { EventStore } from '@carnet/event-store';
import { CommuneSeatCommands } from '../communes/commune-seat.commands.js';
import { findPersona, PERSONAS } from '../dev/personas.js';
import { CLOCK, EVENT_STORE } from '../infrastructure/tokens.js';
import type { SettableClock } from '../infrastructure/settable-clock.js';
import { CreateProjectCommand } from '../projects/commands/create-project/create-project.command.js';
import { ProjectCommandRunner } from '../projects/project-command.runner.js';
import { DocumentUploads } from '../projects/documents/document-uploads.js';
import { BLOB_STORE } from '../infrastructure/tokens.js';
import type { BlobStore } from '@carnet/blob-store';
import { demoPdf, demoPng } from './demo-files.js';

type Step =
  | { by: string; daysAgo: number; do: Exclude<ProjectCommand, { type: 'CreateProject' | 'AnswerQuestion' }> }
  | { by: string; daysAgo: number; answerLatestQuestion: string };

interface DemoProject {
  key: string;
  by: string;
  daysAgo: number;
  codeInsee: string;
  title: string;
  description: string;
  theme: ProjectTheme;
  estimatedCostHt: number | null;
  /** A partner organisation the Département involves in the project. */
  partner?: string;
  steps: Step[];
  /** Documents added after the steps (small files generated in code: a PDF or a PNG). */
  documents?: DemoDocument[];
}

interface DemoDocument {
  by: string;
  daysAgo: number;
  title: string;
  fileName: string;
  public: boolean;
  bytes: () => Buffer;
}

/** A 120 × 80 picture: sky, a roof line and a wall, enough to look like a site photo thumbnail. */
const roofPicture = () =>
  demoPng(120, 80, (x, y) => (y < 30 - Math.abs(x - 60) / 3 ? [196, 222, 240] : y < 42 ? [150, 62, 45] : [214, 200, 178]));

const MAIRE_ABLEIGES = 'persona-maire-95002';
const ADJOINT_ABLEIGES = 'persona-adjoint-95002';
const MAIRE_NESLES = 'persona-maire-95446';
const SECRETAIRE_NESLES = 'persona-secretaire-95446';
const MAIRE_VIGNY = 'persona-maire-95658';
const MAIRE_MARINES = 'persona-maire-95370';
const AGENT = 'persona-agent-amenagement';
const FINANCES = 'persona-agent-finances';
const CAUE = 'persona-caue';

/** Realistic projects of real Val d'Oise communes, written through the command path (so the demo is events too). */
export const DEMO_PROJECTS: DemoProject[] = [
  {
    key: 'toiture-ecole-ableiges', by: MAIRE_ABLEIGES, daysAgo: 240, codeInsee: '95002', theme: 'ecole', estimatedCostHt: 185000,
    title: 'Réfection de la toiture de l’école élémentaire',
    description: 'La toiture de l’école date de 1974 : infiltrations dans deux classes chaque hiver. Le projet remplace la couverture et isole les combles.',
    steps: [
      { by: MAIRE_ABLEIGES, daysAgo: 230, do: { type: 'AskQuestion', category: 'financement', text: 'Quelles aides peut-on solliciter pour refaire la toiture de l’école, et dans quel ordre déposer les dossiers ?' } },
      { by: FINANCES, daysAgo: 226, answerLatestQuestion: 'Vous pouvez solliciter la DETR auprès de la préfecture (dépôt avant fin janvier) et l’aide départementale aux bâtiments scolaires. Déposez d’abord la DETR, puis le dossier départemental avec l’accusé de réception de la préfecture.' },
      { by: MAIRE_ABLEIGES, daysAgo: 200, do: { type: 'ChangeStep', step: 'etudes', progress: 20, comment: 'Diagnostic de charpente commandé' } },
      { by: ADJOINT_ABLEIGES, daysAgo: 150, do: { type: 'ChangeStep', step: 'financement', progress: 40, comment: 'Dossiers DETR et départemental déposés' } },
      { by: MAIRE_ABLEIGES, daysAgo: 60, do: { type: 'ChangeStep', step: 'travaux', progress: 60, comment: 'Travaux pendant les vacances d’été' } },
      { by: ADJOINT_ABLEIGES, daysAgo: 12, do: { type: 'AskQuestion', category: 'technique', text: 'L’entreprise propose une variante en bac acier : faut-il un nouvel avis de l’architecte des bâtiments de France ?' } },
    ],
    documents: [
      {
        by: ADJOINT_ABLEIGES, daysAgo: 148, title: 'Devis de couverture retenu', fileName: 'Devis couverture école - entreprise Lefèvre.pdf', public: false,
        bytes: () => demoPdf(['Devis n° 2026-031 - Couverture de l\'école élémentaire', 'Dépose de la couverture existante : 38 400 EUR HT', 'Isolation des combles (R = 7) : 21 900 EUR HT', 'Total : 182 300 EUR HT']),
      },
      {
        by: MAIRE_ABLEIGES, daysAgo: 58, title: 'Photo de la toiture avant travaux', fileName: 'toiture-avant-travaux.png', public: true,
        bytes: roofPicture,
      },
    ],
  },
  {
    key: 'led-ableiges', by: ADJOINT_ABLEIGES, daysAgo: 120, codeInsee: '95002', theme: 'eclairage', estimatedCostHt: 92000,
    title: 'Passage de l’éclairage public en LED',
    description: 'Remplacer les 140 points lumineux au sodium par des luminaires LED avec abaissement de puissance la nuit.',
    steps: [
      { by: ADJOINT_ABLEIGES, daysAgo: 110, do: { type: 'AskQuestion', category: 'interlocuteur', text: 'Qui peut nous aider à comparer les devis des deux entreprises ?' } },
      { by: AGENT, daysAgo: 104, answerLatestQuestion: 'Le conseiller en énergie partagé de votre intercommunalité fait cette analyse gratuitement. Je vous transmets ses coordonnées par message.' },
      { by: ADJOINT_ABLEIGES, daysAgo: 90, do: { type: 'ChangeStep', step: 'financement', progress: 30, comment: 'Devis retenu, demande de subvention en cours' } },
    ],
  },
  {
    key: 'salle-fetes-nesles', by: MAIRE_NESLES, daysAgo: 180, codeInsee: '95446', theme: 'batiment_public', estimatedCostHt: 420000, partner: 'org-caue-95',
    title: 'Rénovation de la salle des fêtes',
    description: 'Mise aux normes d’accessibilité, isolation et remplacement du chauffage au fioul de la salle des fêtes.',
    steps: [
      { by: MAIRE_NESLES, daysAgo: 170, do: { type: 'ChangeStep', step: 'etudes', progress: 15, comment: 'Programme rédigé avec le CAUE' } },
      { by: SECRETAIRE_NESLES, daysAgo: 40, do: { type: 'ChangeStep', step: 'etudes', progress: 40 } },
      { by: SECRETAIRE_NESLES, daysAgo: 9, do: { type: 'AskQuestion', category: 'prochaine_etape', text: 'L’étude de faisabilité est terminée. Quelle est la prochaine étape : consulter un maître d’œuvre ou déposer les demandes de subvention ?' } },
    ],
  },
  {
    key: 'traversee-nesles', by: MAIRE_NESLES, daysAgo: 30, codeInsee: '95446', theme: 'voirie', estimatedCostHt: 260000, partner: 'org-caue-95',
    title: 'Sécurisation de la traversée du bourg',
    description: 'Plateaux ralentisseurs et trottoirs élargis devant l’école, sur la route départementale.',
    steps: [
      { by: MAIRE_NESLES, daysAgo: 28, do: { type: 'ChangeStep', step: 'idee', progress: 10, comment: 'Pétition des parents d’élèves reçue' } },
      { by: MAIRE_NESLES, daysAgo: 27, do: { type: 'AskQuestion', category: 'juridique', text: 'La route appartient au Département : qui est maître d’ouvrage des aménagements ?' } },
      { by: CAUE, daysAgo: 20, answerLatestQuestion: 'Une convention de co-maîtrise d’ouvrage avec le Département est l’usage pour les aménagements sur route départementale. Le service des routes vous proposera un modèle.' },
    ],
  },
  {
    key: 'city-stade-vigny', by: MAIRE_VIGNY, daysAgo: 420, codeInsee: '95658', theme: 'sport_culture', estimatedCostHt: 120000,
    title: 'Création d’un city-stade',
    description: 'Un terrain multisports en accès libre près du collège, demandé par le conseil municipal des jeunes.',
    steps: [
      { by: MAIRE_VIGNY, daysAgo: 400, do: { type: 'ChangeStep', step: 'financement', progress: 35 } },
      { by: MAIRE_VIGNY, daysAgo: 300, do: { type: 'ChangeStep', step: 'travaux', progress: 70 } },
      { by: MAIRE_VIGNY, daysAgo: 240, do: { type: 'ChangeStep', step: 'termine', progress: 100, comment: 'Inauguré le 14 juin' } },
      { by: MAIRE_VIGNY, daysAgo: 200, do: { type: 'RequestPublication', summary: 'Un city-stade de 24 × 12 m livré en quatre mois pour 118 000 € HT, financé à 60 % (Département et Agence nationale du sport). À refaire : associer les riverains dès l’avant-projet ; le choix d’un revêtement drainant a évité les flaques de l’hiver.' } },
      { by: MAIRE_VIGNY, daysAgo: 198, do: { type: 'PublishProject' } },
    ],
    documents: [
      {
        by: MAIRE_VIGNY, daysAgo: 197, title: 'Bilan de l’opération', fileName: 'Bilan city-stade Vigny.pdf', public: true,
        bytes: () => demoPdf(['City-stade de Vigny - bilan', 'Terrain multisports 24 x 12 m, livré en quatre mois', 'Coût : 118 000 EUR HT, financé à 60 %']),
      },
    ],
  },
  {
    key: 'accessibilite-mairie-vigny', by: MAIRE_VIGNY, daysAgo: 150, codeInsee: '95658', theme: 'batiment_public', estimatedCostHt: 75000,
    title: 'Mise en accessibilité de la mairie',
    description: 'Rampe d’accès, banque d’accueil abaissée et sanitaires adaptés, selon l’agenda d’accessibilité programmée.',
    steps: [
      { by: MAIRE_VIGNY, daysAgo: 140, do: { type: 'ChangeStep', step: 'financement', progress: 40 } },
      { by: MAIRE_VIGNY, daysAgo: 45, do: { type: 'ChangeStep', step: 'travaux', progress: 80 } },
    ],
  },
  {
    key: 'restaurant-scolaire-marines', by: MAIRE_MARINES, daysAgo: 300, codeInsee: '95370', theme: 'ecole', estimatedCostHt: 650000,
    title: 'Extension du restaurant scolaire',
    description: 'Passer de 120 à 180 repas par jour : nouvelle salle, self-service et cuisine agrandie.',
    steps: [
      { by: MAIRE_MARINES, daysAgo: 280, do: { type: 'ChangeStep', step: 'financement', progress: 40 } },
      { by: MAIRE_MARINES, daysAgo: 150, do: { type: 'ChangeStep', step: 'travaux', progress: 50 } },
      { by: MAIRE_MARINES, daysAgo: 140, do: { type: 'ChangeStep', step: 'financement', progress: 45, comment: 'Une subvention attendue a été refusée : le plan de financement est à revoir avant de lancer les travaux.' } },
      { by: MAIRE_MARINES, daysAgo: 139, do: { type: 'AskQuestion', category: 'financement', text: 'Notre demande au fonds régional a été refusée. Existe-t-il d’autres financements pour compléter ?' } },
      { by: FINANCES, daysAgo: 133, answerLatestQuestion: 'Le Fonds vert (volet rénovation des bâtiments publics) peut compléter si le projet améliore la performance énergétique. Pensez aussi au FCTVA pour récupérer une partie de la TVA.' },
    ],
  },
  {
    key: 'gymnase-marines', by: MAIRE_MARINES, daysAgo: 60, codeInsee: '95370', theme: 'energie', estimatedCostHt: 310000,
    title: 'Rénovation énergétique du gymnase',
    description: 'Isolation par l’extérieur, remplacement de la chaudière et éclairage LED du gymnase municipal.',
    steps: [{ by: MAIRE_MARINES, daysAgo: 50, do: { type: 'ChangeStep', step: 'etudes', progress: 20, comment: 'Audit énergétique commandé' } }],
  },
];

/**
 * On an empty event store, writes the demo projects through the same command path as the API.
 * Idempotency keys make a half-finished seeding safe to run again.
 */
@Injectable()
export class DemoData {
  private readonly logger = new Logger('Démo');

  constructor(
    private readonly commandBus: CommandBus,
    private readonly runner: ProjectCommandRunner,
    private readonly seats: CommuneSeatCommands,
    @Inject(CLOCK) private readonly clock: SettableClock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly uploads: DocumentUploads,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async seedIfEmpty(now = new Date()): Promise<number> {
    if ((await this.events.headPosition()) > 0) return 0;
    const at = (daysAgo: number, i: number) => new Date(now.getTime() - daysAgo * 86_400_000 + i * 60_000);
    const actor = (id: string): Actor => findPersona(id)!;
    let position = 0;
    try {
      // The space of each demo commune: its mayor and collaborators hold their seats (as after accepted invitations).
      this.clock.set(at(500, 0));
      const admin = actor('persona-admin');
      for (const person of PERSONAS) {
        if (!person.communeInsee) continue;
        const seat = person.role === 'commune_mayor' ? 'mayor' : 'collaborator';
        await this.seats.assign(person.communeInsee, person.id, seat, null, person, { idempotencyKey: `demo-seat-${person.id}` });
      }
      await this.seats.createOrganisation('org-caue-95', 'CAUE du Val d’Oise', 'caue', admin, { idempotencyKey: 'demo-org-caue-95' });
      for (const p of DEMO_PROJECTS) {
        this.clock.set(at(p.daysAgo, 0));
        const created = await this.commandBus.execute(
          new CreateProjectCommand(actor(p.by), { idempotencyKey: `demo-${p.key}` }, {
            codeInsee: p.codeInsee, title: p.title, description: p.description, theme: p.theme, estimatedCostHt: p.estimatedCostHt,
          }),
        );
        if (p.partner) {
          this.clock.set(at(p.daysAgo - 1, 0));
          position = (await this.runner.run(created.id, { type: 'InvolvePartner', organisationId: p.partner }, actor(AGENT), { idempotencyKey: `demo-${p.key}-partner` })).position;
        }
        let lastQuestionId: string | null = null;
        for (const [i, step] of p.steps.entries()) {
          this.clock.set(at(step.daysAgo, i + 1));
          const options = { idempotencyKey: `demo-${p.key}-${i}` };
          const command: ProjectCommand =
            'answerLatestQuestion' in step ? { type: 'AnswerQuestion', questionId: lastQuestionId!, text: step.answerLatestQuestion } : step.do;
          const commandId = this.runner.commandId(actor(step.by), options);
          const result = await this.runner.run(created.id, command, actor(step.by), options, commandId);
          if (command.type === 'AskQuestion') {
            const stream = await this.events.readStream(`project-${created.id}`);
            lastQuestionId = (stream.find((e) => e.metadata.commandId === commandId)!.data as { questionId: string }).questionId;
          }
          position = result.position;
        }
        for (const [i, doc] of (p.documents ?? []).entries()) {
          this.clock.set(at(doc.daysAgo, p.steps.length + i + 1));
          const blob = await this.blobs.put(doc.bytes());
          const file = { fileName: doc.fileName, mediaType: doc.fileName.endsWith('.png') ? 'image/png' : 'application/pdf', size: blob.size, sha256: blob.sha256, blobKey: blob.key } as const;
          const command = { type: 'AddDocument', documentId: '', title: doc.title, public: doc.public, file } as const;
          position = (await this.uploads.record(created.id, command, actor(doc.by), { idempotencyKey: `demo-${p.key}-document-${i}` })).position;
        }
      }
    } finally {
      this.clock.set(null);
    }
    this.logger.log(`${DEMO_PROJECTS.length} projets de démonstration créés.`);
    return position;
  }
}
