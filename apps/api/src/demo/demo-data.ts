import { placeDemoProjects } from './demo-places.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { AccountStore, Contact } from '@carnet/account-store';
import { projectDecider, type Actor, type DepartementTeam, type ProjectCommand, type ProjectEvent, type ProjectTheme } from '@carnet/domain';
import type { EventStore } from '@carnet/event-store';
import { CommuneSeatCommands } from '../communes/commune-seat.commands.js';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { findPersona, personasOf } from '../dev/personas.js';
import { ACCOUNT_STORE, CLOCK, EVENT_STORE } from '../infrastructure/tokens.js';
import type { SettableClock } from '../infrastructure/settable-clock.js';
import { CreateProjectCommand } from '../projects/commands/create-project/create-project.command.js';
import { ProjectCommandRunner } from '../projects/project-command.runner.js';
import { DocumentUploads } from '../projects/documents/document-uploads.js';
import { BLOB_STORE } from '../infrastructure/tokens.js';
import type { BlobStore } from '@carnet/blob-store';
import { publicationFingerprint } from '../shared/fingerprint.js';
import { demoPdf } from './demo-files.js';
import { aireDeJeuxPicture, chaufferiePicture, cityStadePicture, courPicture, lavoirPicture, roofPicture } from './demo-pictures.js';

type Step =
  | { by: string; daysAgo: number; do: Exclude<ProjectCommand, { type: 'CreateProject' | 'AnswerQuestion' }> }
  | { by: string; daysAgo: number; answerLatestQuestion: string; contact?: string }
  /** A command on the latest question asked (take in charge, assign, close, reopen, note about it). */
  | { by: string; daysAgo: number; onLatestQuestion: (questionId: string) => ProjectCommand }
  /** The mayor approves the latest version of the public content, with the fingerprint shown on screen. */
  | { by: string; daysAgo: number; approveLatestPublication: true }
  /** A document (a small file generated in code); public ones go into the publication asked for afterwards. */
  | { by: string; daysAgo: number; addDocument: DemoDocument };

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
  /** What happened to it, oldest first (a test checks that no project goes back in time). */
  steps: Step[];
}

interface DemoDocument {
  title: string;
  fileName: string;
  public: boolean;
  bytes: () => Buffer;
}

/** The licence of the demo's pictures, said in their title so that whoever reuses them knows it. */
const PICTURE_LICENCE = 'image générée, Licence Ouverte 2.0';

const MAIRE_ABLEIGES = 'persona-maire-95002';
const ADJOINT_ABLEIGES = 'persona-adjoint-95002';
const MAIRE_NESLES = 'persona-maire-95446';
const SECRETAIRE_NESLES = 'persona-secretaire-95446';
const MAIRE_VIGNY = 'persona-maire-95658';
const MAIRE_MARINES = 'persona-maire-95370';
const AGENT = 'persona-agent-amenagement';

/** What Vigny asked to publish of its city-stade (the Département then corrected the amount of its aid). */
const CITY_STADE_CONTENT = {
  title: 'Un city-stade en accès libre, livré en quatre mois',
  summary:
    'Un terrain multisports de 24 × 12 m près du collège, demandé par le conseil municipal des jeunes, livré en quatre mois et inauguré le 14 juin, financé à 60 % par le Département et l’Agence nationale du sport. Il est ouvert tous les jours de 8 h à 21 h.',
  finalCostHt: 118_000,
  funding: [
    { source: 'Département du Val-d’Oise — aide aux équipements sportifs', amountHt: 41_300 },
    { source: 'Agence nationale du sport', amountHt: 29_500 },
  ],
  lessonsLearned:
    'À refaire : associer les riverains dès l’avant-projet (le bruit le soir a suscité des plaintes la première semaine). Le choix d’un revêtement drainant a évité les flaques de l’hiver.',
  documentIds: [] as string[],
};
const MAIRE_ROCHE_GUYON = 'persona-maire-95523';
const MAIRE_VALMONDOIS = 'persona-maire-95628';
const MAIRE_US = 'persona-maire-95625';
const MAIRE_CHAUMONTEL = 'persona-maire-95149';

const COUR_CONTENT = {
  title: 'Une cour d’école désimperméabilisée et ombragée',
  summary:
    'La cour en enrobé de l’école d’Ableiges (900 m²) a été en partie désimperméabilisée : 320 m² de pleine terre, huit arbres, deux massifs plantés avec les élèves et un revêtement drainant. Les eaux de pluie s’infiltrent sur place et la cour a gagné 4 °C à l’ombre pendant l’été.',
  finalCostHt: 68_400,
  funding: [
    { source: 'Agence de l’eau Seine-Normandie — désimperméabilisation', amountHt: 27_360 },
    { source: 'Département du Val-d’Oise — aide aux bâtiments scolaires', amountHt: 13_680 },
  ],
  lessonsLearned:
    'Associer les enseignants et les enfants dès le dessin de la cour : ils ont choisi les essences et entretiennent les massifs. Prévoir l’arrosage des arbres les deux premiers étés. Les travaux tiennent en juillet s’ils sont commandés avant Pâques.',
  documentIds: [] as string[],
};

const LAVOIR_CONTENT = {
  title: 'Le lavoir communal restauré',
  summary:
    'Le lavoir du XIXe siècle, au bord de l’Epte, menaçait de s’effondrer. La charpente a été reprise, la couverture refaite en tuiles plates de récupération et le bassin nettoyé et rejointoyé à la chaux. Un panneau raconte son histoire aux promeneurs du GR 2.',
  finalCostHt: 96_500,
  funding: [
    { source: 'Département du Val-d’Oise — aide au patrimoine rural non protégé', amountHt: 38_600 },
    { source: 'Fondation du patrimoine — souscription publique', amountHt: 12_400 },
    { source: 'Région Île-de-France — patrimoine d’intérêt régional', amountHt: 19_300 },
  ],
  lessonsLearned:
    'L’avis de l’architecte des bâtiments de France, demandé avant la consultation des entreprises, a évité de refaire le dossier. La souscription publique a rassemblé 140 donateurs : elle fait aussi connaître le projet. Garder une part de tuiles anciennes pour l’entretien.',
  documentIds: [] as string[],
};

const CHAUFFERIE_CONTENT = {
  title: 'Une chaufferie bois pour l’école et la mairie',
  summary:
    'Une chaudière à plaquettes de bois de 150 kW et un petit réseau de chaleur de 120 m chauffent désormais l’école, la mairie et la salle des associations à la place de deux chaudières au fioul. Le bois vient des forêts du Vexin, à moins de 30 km.',
  finalCostHt: 248_000,
  funding: [
    { source: 'ADEME — Fonds chaleur', amountHt: 86_800 },
    { source: 'Département du Val-d’Oise — aide à la transition énergétique', amountHt: 49_600 },
    { source: 'État — DETR', amountHt: 37_200 },
  ],
  lessonsLearned:
    'Faire dimensionner le silo par un bureau d’études indépendant : le premier devis le prévoyait deux fois trop grand. Un contrat d’approvisionnement de cinq ans avec une coopérative locale stabilise le prix. La facture de chauffage a baissé de 38 % le premier hiver.',
  documentIds: [] as string[],
};

const AIRE_DE_JEUX_CONTENT = {
  title: 'Une aire de jeux au cœur du bourg',
  summary:
    'Une aire de jeux pour les 2 à 10 ans sur l’ancien terrain de boules : toboggan, balançoires, sol souple et bancs à l’ombre, ouverte depuis le printemps.',
  finalCostHt: 54_800,
  funding: [{ source: 'Département du Val-d’Oise — aide aux équipements de proximité', amountHt: 21_900 }],
  lessonsLearned: 'Faire contrôler l’aire par un organisme agréé avant l’ouverture, et prévoir ce contrôle chaque année au budget.',
  documentIds: [] as string[],
};

const FINANCES = 'persona-agent-finances';
const CAUE = 'persona-caue';
const ADMIN = 'persona-admin';

/** Teams of the demo agents (routing of questions, ADR 0010). */
export const DEMO_TEAMS: Record<string, DepartementTeam[]> = {
  [FINANCES]: ['aides'],
  [AGENT]: ['accompagnement', 'ingenierie'],
  [ADMIN]: ['juridique'],
};

/** Fixed ids so that demo answers can recommend them. Fictitious people and addresses. */
export const DEMO_CONTACT_IDS = {
  aides: '6f1c2a10-5b3e-4c6d-9a1e-000000000001',
  energie: '6f1c2a10-5b3e-4c6d-9a1e-000000000002',
  caue: '6f1c2a10-5b3e-4c6d-9a1e-000000000003',
  juridique: '6f1c2a10-5b3e-4c6d-9a1e-000000000004',
  voirie: '6f1c2a10-5b3e-4c6d-9a1e-000000000005',
  ancienne: '6f1c2a10-5b3e-4c6d-9a1e-000000000006',
} as const;

export const DEMO_CONTACTS: Array<Omit<Contact, 'createdAt' | 'updatedAt'>> = [
  {
    id: DEMO_CONTACT_IDS.aides, name: 'Karim Haddad', jobTitle: 'Chargé des aides aux communes',
    organisation: 'Département du Val-d’Oise — Service des aides aux communes', email: 'karim.haddad@departement95.example', phone: '01 34 25 30 30',
    themes: ['ecole', 'batiment_public', 'voirie', 'energie', 'sport_culture', 'autre'], communes: [], accountId: FINANCES, status: 'active',
  },
  {
    id: DEMO_CONTACT_IDS.energie, name: 'Élodie Marchand', jobTitle: 'Conseillère en énergie partagée',
    organisation: 'Agence de l’énergie du Vexin', email: 'e.marchand@energie-vexin.example', phone: '01 30 39 00 00',
    themes: ['energie', 'eclairage', 'batiment_public'], communes: ['95002', '95446', '95658', '95628'], accountId: null, status: 'active',
  },
  {
    id: DEMO_CONTACT_IDS.caue, name: 'Thomas Girard', jobTitle: 'Architecte conseiller',
    organisation: 'CAUE du Val-d’Oise', email: 'thomas.girard@caue95.example', phone: '01 30 38 68 68',
    themes: ['batiment_public', 'ecole', 'espaces_verts', 'patrimoine'], communes: [], accountId: CAUE, status: 'active',
  },
  {
    id: DEMO_CONTACT_IDS.juridique, name: 'Laure Vasseur', jobTitle: 'Juriste, marchés publics et conventions',
    organisation: 'Département du Val-d’Oise — Conseil juridique aux collectivités', email: 'laure.vasseur@departement95.example', phone: null,
    themes: ['voirie', 'batiment_public', 'autre'], communes: [], accountId: null, status: 'active',
  },
  {
    id: DEMO_CONTACT_IDS.voirie, name: 'Pierre Lemoine', jobTitle: 'Ingénieur routes et aménagements',
    organisation: 'Département du Val-d’Oise — Ingénierie territoriale', email: 'pierre.lemoine@departement95.example', phone: '01 34 25 31 31',
    themes: ['voirie', 'mobilite', 'eau_assainissement'], communes: ['95446', '95370'], accountId: null, status: 'active',
  },
  {
    id: DEMO_CONTACT_IDS.ancienne, name: 'Sylvie Morel', jobTitle: 'Chargée de mission (partie en 2025)',
    organisation: 'Département du Val-d’Oise', email: null, phone: null,
    themes: ['ecole'], communes: [], accountId: null, status: 'archived',
  },
];

/** Realistic projects of real Val d'Oise communes, written through the command path (so the demo is events too). */
export const DEMO_PROJECTS: DemoProject[] = [
  {
    key: 'toiture-ecole-ableiges', by: MAIRE_ABLEIGES, daysAgo: 240, codeInsee: '95002', theme: 'ecole', estimatedCostHt: 185000,
    title: 'Réfection de la toiture de l’école élémentaire',
    description: 'La toiture de l’école date de 1974 : infiltrations dans deux classes chaque hiver. Le projet remplace la couverture et isole les combles.',
    steps: [
      { by: MAIRE_ABLEIGES, daysAgo: 230, do: { type: 'AskQuestion', category: 'financement', text: 'Quelles aides peut-on solliciter pour refaire la toiture de l’école, et dans quel ordre déposer les dossiers ?' } },
      { by: FINANCES, daysAgo: 229, onLatestQuestion: (questionId) => ({ type: 'TakeQuestionInCharge', questionId }) },
      { by: FINANCES, daysAgo: 226, contact: DEMO_CONTACT_IDS.aides, answerLatestQuestion: 'Vous pouvez solliciter la DETR auprès de la préfecture (dépôt avant fin janvier) et l’aide départementale aux bâtiments scolaires. Déposez d’abord la DETR, puis le dossier départemental avec l’accusé de réception de la préfecture.' },
      { by: MAIRE_ABLEIGES, daysAgo: 225, onLatestQuestion: (questionId) => ({ type: 'CloseQuestion', questionId }) },
      { by: MAIRE_ABLEIGES, daysAgo: 210, do: { type: 'PostMessage', text: 'Bonjour, nous avons reçu l’accusé de réception de la préfecture pour la DETR. Pouvez-vous nous confirmer que le dossier départemental peut partir cette semaine ?' } },
      { by: FINANCES, daysAgo: 208, do: { type: 'PostMessage', text: 'Oui, vous pouvez l’envoyer : joignez l’accusé de réception et le devis de couverture. Je reste votre interlocuteur pour ce dossier.' } },
      { by: MAIRE_ABLEIGES, daysAgo: 200, do: { type: 'ChangeStep', step: 'etudes', progress: 20, comment: 'Diagnostic de charpente commandé' } },
      { by: ADJOINT_ABLEIGES, daysAgo: 150, do: { type: 'ChangeStep', step: 'financement', progress: 40, comment: 'Dossiers DETR et départemental déposés' } },
      {
        by: ADJOINT_ABLEIGES, daysAgo: 148,
        addDocument: {
          title: 'Devis de couverture retenu', fileName: 'Devis couverture école - entreprise Lefèvre.pdf', public: false,
          bytes: () => demoPdf(['Devis n° 2026-031 - Couverture de l\'école élémentaire', 'Dépose de la couverture existante : 38 400 EUR HT', 'Isolation des combles (R = 7) : 21 900 EUR HT', 'Total : 182 300 EUR HT']),
        },
      },
      { by: MAIRE_ABLEIGES, daysAgo: 60, do: { type: 'ChangeStep', step: 'travaux', progress: 60, comment: 'Travaux pendant les vacances d’été' } },
      { by: MAIRE_ABLEIGES, daysAgo: 58, addDocument: { title: `Dessin de la toiture refaite (${PICTURE_LICENCE})`, fileName: 'toiture-ecole.png', public: true, bytes: roofPicture } },
      { by: ADJOINT_ABLEIGES, daysAgo: 12, do: { type: 'AskQuestion', category: 'technique', text: 'L’entreprise propose une variante en bac acier : faut-il un nouvel avis de l’architecte des bâtiments de France ?' } },
      { by: AGENT, daysAgo: 10, onLatestQuestion: (questionId) => ({ type: 'TakeQuestionInCharge', questionId }) },
      { by: AGENT, daysAgo: 10, onLatestQuestion: (questionId) => ({ type: 'AddInternalNote', questionId, text: 'L’école est dans le périmètre du monument historique : demander à l’UDAP si la variante bac acier passe avant de répondre à la commune.' }) },
    ],
  },
  {
    key: 'led-ableiges', by: ADJOINT_ABLEIGES, daysAgo: 120, codeInsee: '95002', theme: 'eclairage', estimatedCostHt: 92000,
    title: 'Passage de l’éclairage public en LED',
    description: 'Remplacer les 140 points lumineux au sodium par des luminaires LED avec abaissement de puissance la nuit.',
    steps: [
      { by: ADJOINT_ABLEIGES, daysAgo: 110, do: { type: 'AskQuestion', category: 'interlocuteur', text: 'Qui peut nous aider à comparer les devis des deux entreprises ?' } },
      { by: AGENT, daysAgo: 104, contact: DEMO_CONTACT_IDS.energie, answerLatestQuestion: 'La conseillère en énergie partagée de votre secteur fait cette analyse gratuitement : contactez Élodie Marchand de la part du Département.' },
      { by: ADJOINT_ABLEIGES, daysAgo: 90, do: { type: 'ChangeStep', step: 'financement', progress: 30, comment: 'Devis retenu, demande de subvention en cours' } },
      { by: ADJOINT_ABLEIGES, daysAgo: 3, onLatestQuestion: (questionId) => ({ type: 'ReopenQuestion', questionId, reason: 'Le second devis a été révisé à la baisse : pouvez-vous nous aider à comparer à nouveau ?' }) },
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
      { by: AGENT, daysAgo: 8, onLatestQuestion: (questionId) => ({ type: 'AssignQuestion', questionId, assignee: { accountId: CAUE, kind: 'partner', organisationId: 'org-caue-95' } }) },
      { by: SECRETAIRE_NESLES, daysAgo: 6, do: { type: 'PostMessage', text: 'Bonjour, la visite du CAUE prévue le 12 est-elle toujours d’actualité ?' } },
      { by: AGENT, daysAgo: 5, do: { type: 'PostMessage', text: 'Oui, M. Girard passera à 10 h. Prévoyez l’accès à la chaufferie.' } },
    ],
  },
  {
    key: 'traversee-nesles', by: MAIRE_NESLES, daysAgo: 30, codeInsee: '95446', theme: 'voirie', estimatedCostHt: 260000, partner: 'org-caue-95',
    title: 'Sécurisation de la traversée du bourg',
    description: 'Plateaux ralentisseurs et trottoirs élargis devant l’école, sur la route départementale.',
    steps: [
      { by: MAIRE_NESLES, daysAgo: 28, do: { type: 'ChangeStep', step: 'idee', progress: 10, comment: 'Pétition des parents d’élèves reçue' } },
      { by: MAIRE_NESLES, daysAgo: 27, do: { type: 'AskQuestion', category: 'juridique', text: 'La route appartient au Département : qui est maître d’ouvrage des aménagements ?' } },
      { by: CAUE, daysAgo: 25, onLatestQuestion: (questionId) => ({ type: 'TakeQuestionInCharge', questionId }) },
      { by: CAUE, daysAgo: 20, contact: DEMO_CONTACT_IDS.voirie, answerLatestQuestion: 'Une convention de co-maîtrise d’ouvrage avec le Département est l’usage pour les aménagements sur route départementale. Le service des routes vous proposera un modèle.' },
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
      { by: MAIRE_VIGNY, daysAgo: 232, addDocument: { title: `Le city-stade (${PICTURE_LICENCE})`, fileName: 'city-stade-vigny.png', public: true, bytes: cityStadePicture } },
      {
        by: MAIRE_VIGNY, daysAgo: 230,
        addDocument: {
          title: 'Bilan de l’opération', fileName: 'Bilan city-stade Vigny.pdf', public: true,
          bytes: () => demoPdf(['City-stade de Vigny - bilan', 'Terrain multisports 24 x 12 m, livré en quatre mois', 'Coût : 118 000 EUR HT, financé à 60 %']),
        },
      },
      { by: MAIRE_VIGNY, daysAgo: 200, do: { type: 'RequestPublication', content: CITY_STADE_CONTENT } },
      {
        by: AGENT,
        daysAgo: 199,
        do: {
          type: 'RevisePublication',
          reason: 'Montant de l’aide départementale corrigé d’après l’arrêté',
          content: { ...CITY_STADE_CONTENT, funding: [{ ...CITY_STADE_CONTENT.funding[0], amountHt: 41_000 }, CITY_STADE_CONTENT.funding[1]] },
        },
      },
      { by: MAIRE_VIGNY, daysAgo: 198, approveLatestPublication: true },
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
      { by: FINANCES, daysAgo: 133, contact: DEMO_CONTACT_IDS.aides, answerLatestQuestion: 'Le Fonds vert (volet rénovation des bâtiments publics) peut compléter si le projet améliore la performance énergétique. Pensez aussi au FCTVA pour récupérer une partie de la TVA.' },
    ],
  },
  {
    key: 'gymnase-marines', by: MAIRE_MARINES, daysAgo: 60, codeInsee: '95370', theme: 'energie', estimatedCostHt: 310000,
    title: 'Rénovation énergétique du gymnase',
    description: 'Isolation par l’extérieur, remplacement de la chaudière et éclairage LED du gymnase municipal.',
    steps: [
      { by: MAIRE_MARINES, daysAgo: 50, do: { type: 'ChangeStep', step: 'etudes', progress: 20, comment: 'Audit énergétique commandé' } },
      { by: MAIRE_MARINES, daysAgo: 2, do: { type: 'AskQuestion', category: 'financement', text: 'L’audit énergétique est rendu : le gymnase peut-il bénéficier du fonds départemental pour la rénovation énergétique ?' } },
    ],
  },
  {
    key: 'cour-ecole-ableiges', by: MAIRE_ABLEIGES, daysAgo: 700, codeInsee: '95002', theme: 'espaces_verts', estimatedCostHt: 70000,
    title: 'Végétalisation de la cour de l’école',
    description: 'Remplacer une partie de l’enrobé de la cour par de la pleine terre, des arbres et des massifs plantés, pour l’ombre en été et l’infiltration des eaux de pluie.',
    steps: [
      { by: MAIRE_ABLEIGES, daysAgo: 690, do: { type: 'ChangeStep', step: 'etudes', progress: 20, comment: 'Esquisse dessinée avec le CAUE et les élèves' } },
      { by: ADJOINT_ABLEIGES, daysAgo: 640, do: { type: 'AskQuestion', category: 'financement', text: 'L’agence de l’eau aide-t-elle la désimperméabilisation d’une cour d’école, et à quel taux ?' } },
      { by: FINANCES, daysAgo: 637, contact: DEMO_CONTACT_IDS.aides, answerLatestQuestion: 'Oui : l’agence de l’eau Seine-Normandie finance jusqu’à 40 % des surfaces désimperméabilisées. Le Département complète au titre des bâtiments scolaires. Envoyez-nous l’esquisse chiffrée.' },
      { by: ADJOINT_ABLEIGES, daysAgo: 636, onLatestQuestion: (questionId) => ({ type: 'CloseQuestion', questionId }) },
      { by: MAIRE_ABLEIGES, daysAgo: 600, do: { type: 'ChangeStep', step: 'financement', progress: 45 } },
      { by: MAIRE_ABLEIGES, daysAgo: 520, do: { type: 'ChangeStep', step: 'travaux', progress: 70, comment: 'Travaux en juillet, plantations en novembre' } },
      { by: MAIRE_ABLEIGES, daysAgo: 470, do: { type: 'ChangeStep', step: 'termine', progress: 100, comment: 'Cour rendue aux élèves à la rentrée' } },
      { by: ADJOINT_ABLEIGES, daysAgo: 466, addDocument: { title: `La cour végétalisée (${PICTURE_LICENCE})`, fileName: 'cour-ecole-ableiges.png', public: true, bytes: courPicture } },
      { by: ADJOINT_ABLEIGES, daysAgo: 462, do: { type: 'RequestPublication', content: COUR_CONTENT } },
      { by: MAIRE_ABLEIGES, daysAgo: 460, approveLatestPublication: true },
    ],
  },
  {
    key: 'lavoir-roche-guyon', by: MAIRE_ROCHE_GUYON, daysAgo: 560, codeInsee: '95523', theme: 'patrimoine', estimatedCostHt: 90000,
    title: 'Restauration du lavoir communal',
    description: 'Le lavoir du XIXe siècle au bord de l’Epte : charpente affaissée, tuiles manquantes, bassin envasé. Le restaurer et l’ouvrir aux promeneurs.',
    steps: [
      { by: MAIRE_ROCHE_GUYON, daysAgo: 550, do: { type: 'AskQuestion', category: 'juridique', text: 'Le lavoir est dans le site classé de la boucle de la Seine : quelles autorisations faut-il avant les travaux ?' } },
      { by: ADMIN, daysAgo: 548, onLatestQuestion: (questionId) => ({ type: 'TakeQuestionInCharge', questionId }) },
      { by: ADMIN, daysAgo: 544, contact: DEMO_CONTACT_IDS.juridique, answerLatestQuestion: 'En site classé, une déclaration préalable est nécessaire et l’architecte des bâtiments de France donne son avis. Demandez-le sur l’avant-projet, avant de consulter les entreprises.' },
      { by: MAIRE_ROCHE_GUYON, daysAgo: 540, onLatestQuestion: (questionId) => ({ type: 'CloseQuestion', questionId }) },
      { by: MAIRE_ROCHE_GUYON, daysAgo: 500, do: { type: 'ChangeStep', step: 'etudes', progress: 25, comment: 'Avant-projet validé par l’architecte des bâtiments de France' } },
      { by: MAIRE_ROCHE_GUYON, daysAgo: 420, do: { type: 'ChangeStep', step: 'financement', progress: 45, comment: 'Souscription de la Fondation du patrimoine ouverte' } },
      { by: MAIRE_ROCHE_GUYON, daysAgo: 330, do: { type: 'ChangeStep', step: 'travaux', progress: 70 } },
      { by: MAIRE_ROCHE_GUYON, daysAgo: 250, do: { type: 'ChangeStep', step: 'termine', progress: 100, comment: 'Inauguré aux Journées du patrimoine' } },
      { by: MAIRE_ROCHE_GUYON, daysAgo: 246, addDocument: { title: `Le lavoir restauré (${PICTURE_LICENCE})`, fileName: 'lavoir-la-roche-guyon.png', public: true, bytes: lavoirPicture } },
      {
        by: MAIRE_ROCHE_GUYON, daysAgo: 245,
        addDocument: {
          title: 'Plan de financement définitif', fileName: 'Plan de financement lavoir.pdf', public: true,
          bytes: () => demoPdf(['Restauration du lavoir - plan de financement', 'Département : 38 600 EUR', 'Région : 19 300 EUR', 'Fondation du patrimoine : 12 400 EUR', 'Commune : 26 200 EUR']),
        },
      },
      { by: MAIRE_ROCHE_GUYON, daysAgo: 242, do: { type: 'RequestPublication', content: { ...LAVOIR_CONTENT, funding: LAVOIR_CONTENT.funding.slice(0, 2) } } },
      { by: FINANCES, daysAgo: 240, do: { type: 'RevisePublication', reason: 'Ajout de l’aide de la Région, versée après la demande', content: LAVOIR_CONTENT } },
      { by: MAIRE_ROCHE_GUYON, daysAgo: 238, approveLatestPublication: true },
    ],
  },
  {
    key: 'chaufferie-valmondois', by: MAIRE_VALMONDOIS, daysAgo: 640, codeInsee: '95628', theme: 'energie', estimatedCostHt: 260000,
    title: 'Chaufferie bois pour l’école et la mairie',
    description: 'Remplacer les deux chaudières au fioul de l’école et de la mairie par une chaufferie à plaquettes de bois et un petit réseau de chaleur.',
    steps: [
      { by: MAIRE_VALMONDOIS, daysAgo: 630, do: { type: 'AskQuestion', category: 'interlocuteur', text: 'Qui peut nous dire si une chaufferie bois est adaptée à nos bâtiments avant de lancer une étude ?' } },
      { by: AGENT, daysAgo: 627, contact: DEMO_CONTACT_IDS.energie, answerLatestQuestion: 'La conseillère en énergie partagée de l’agence de l’énergie fait une note d’opportunité gratuite : contactez Élodie Marchand, elle viendra visiter les chaufferies.' },
      { by: MAIRE_VALMONDOIS, daysAgo: 600, do: { type: 'ChangeStep', step: 'etudes', progress: 20, comment: 'Note d’opportunité favorable, étude de faisabilité commandée' } },
      { by: MAIRE_VALMONDOIS, daysAgo: 520, do: { type: 'ChangeStep', step: 'financement', progress: 40 } },
      { by: MAIRE_VALMONDOIS, daysAgo: 420, do: { type: 'ChangeStep', step: 'travaux', progress: 65 } },
      { by: MAIRE_VALMONDOIS, daysAgo: 330, do: { type: 'ChangeStep', step: 'termine', progress: 100, comment: 'Mise en service avant l’hiver' } },
      { by: MAIRE_VALMONDOIS, daysAgo: 322, addDocument: { title: `La chaufferie et son silo (${PICTURE_LICENCE})`, fileName: 'chaufferie-valmondois.png', public: true, bytes: chaufferiePicture } },
      { by: MAIRE_VALMONDOIS, daysAgo: 320, do: { type: 'RequestPublication', content: CHAUFFERIE_CONTENT } },
      { by: MAIRE_VALMONDOIS, daysAgo: 318, approveLatestPublication: true },
    ],
  },
  {
    key: 'aire-de-jeux-us', by: MAIRE_US, daysAgo: 260, codeInsee: '95625', theme: 'espaces_verts', estimatedCostHt: 55000,
    title: 'Aire de jeux du bourg',
    description: 'Une aire de jeux pour les 2 à 10 ans sur l’ancien terrain de boules, près de l’école.',
    steps: [
      { by: MAIRE_US, daysAgo: 250, do: { type: 'ChangeStep', step: 'financement', progress: 30 } },
      { by: MAIRE_US, daysAgo: 150, do: { type: 'ChangeStep', step: 'travaux', progress: 60 } },
      { by: MAIRE_US, daysAgo: 60, do: { type: 'ChangeStep', step: 'termine', progress: 100, comment: 'Aire contrôlée et ouverte' } },
      { by: MAIRE_US, daysAgo: 55, addDocument: { title: `L’aire de jeux (${PICTURE_LICENCE})`, fileName: 'aire-de-jeux-us.png', public: true, bytes: aireDeJeuxPicture } },
      { by: MAIRE_US, daysAgo: 50, do: { type: 'RequestPublication', content: { ...AIRE_DE_JEUX_CONTENT, finalCostHt: 58_400 } } },
      // The Département corrects the cost from the final invoices: the mayor has yet to approve this version.
      { by: FINANCES, daysAgo: 20, do: { type: 'RevisePublication', reason: 'Coût final corrigé d’après le décompte général définitif', content: AIRE_DE_JEUX_CONTENT } },
    ],
  },
  {
    key: 'liaison-gare-chaumontel', by: MAIRE_CHAUMONTEL, daysAgo: 15, codeInsee: '95149', theme: 'mobilite', estimatedCostHt: null,
    title: 'Liaison piétonne et cyclable vers la gare',
    description: 'Un cheminement sûr de 800 m entre le lotissement des Aulnes et la gare, le long de la route départementale.',
    steps: [
      { by: MAIRE_CHAUMONTEL, daysAgo: 1, do: { type: 'AskQuestion', category: 'prochaine_etape', text: 'Par quoi commencer : une étude de tracé, ou d’abord l’accord du Département sur l’emprise de la route ?' } },
    ],
  },
];

const MAIRE_AULNAY = 'persona-maire-78033';
const AGENT_YVELINES = 'persona-agent-78';

const MAIRIE_AULNAY_CONTENT = {
  title: 'Une mairie accessible à tous',
  summary:
    'La mairie d’Aulnay-sur-Mauldre (1 180 habitants) occupe une maison de bourg de 1880 dont l’accueil était à l’étage. Une rampe, un élévateur et un guichet abaissé permettent désormais à chacun d’y faire ses démarches au rez-de-chaussée.',
  finalCostHt: 148_000,
  funding: [
    { source: 'État — dotation d’équipement des territoires ruraux (DETR)', amountHt: 44_400 },
    { source: 'Département des Yvelines — aide aux petites communes', amountHt: 37_000 },
  ],
  lessonsLearned: 'Faire valider l’élévateur par le bureau de contrôle avant de commander : le modèle prévu au départ ne convenait pas à un établissement recevant du public.',
  documentIds: [] as string[],
};

/**
 * The Yvelines' demo (DEPARTEMENTS=95,78): a small commune with a file in progress and a finished,
 * published one, followed by the Yvelines' own agent. Written only where the instance serves the Yvelines.
 */
export const DEMO_PROJECTS_YVELINES: DemoProject[] = [
  {
    key: 'mairie-aulnay', by: MAIRE_AULNAY, daysAgo: 400, codeInsee: '78033', theme: 'batiment_public', estimatedCostHt: 150000,
    title: 'Mise en accessibilité de la mairie',
    description: 'L’accueil de la mairie est à l’étage, sans ascenseur : rampe, élévateur et guichet abaissé au rez-de-chaussée.',
    steps: [
      { by: MAIRE_AULNAY, daysAgo: 390, do: { type: 'AskQuestion', category: 'financement', text: 'Quelles aides pour rendre la mairie accessible aux personnes en fauteuil ?' } },
      { by: AGENT_YVELINES, daysAgo: 388, answerLatestQuestion: 'La DETR finance la mise en accessibilité des bâtiments publics, et le Département des Yvelines aide les communes de moins de 2 000 habitants. Déposez les deux dossiers avec le même devis.' },
      { by: MAIRE_AULNAY, daysAgo: 300, do: { type: 'ChangeStep', step: 'travaux', progress: 70, comment: 'Élévateur posé' } },
      { by: MAIRE_AULNAY, daysAgo: 200, do: { type: 'ChangeStep', step: 'termine', progress: 100, comment: 'Accueil ouvert au rez-de-chaussée' } },
      { by: MAIRE_AULNAY, daysAgo: 190, do: { type: 'RequestPublication', content: MAIRIE_AULNAY_CONTENT } },
      { by: MAIRE_AULNAY, daysAgo: 189, approveLatestPublication: true },
    ],
  },
  {
    key: 'cantine-aulnay', by: MAIRE_AULNAY, daysAgo: 45, codeInsee: '78033', theme: 'ecole', estimatedCostHt: 80000,
    title: 'Agrandissement de la cantine scolaire',
    description: 'Trente enfants de plus depuis la rentrée : une extension de 60 m² pour servir en un seul service.',
    steps: [
      { by: MAIRE_AULNAY, daysAgo: 40, do: { type: 'ChangeStep', step: 'etudes', progress: 20, comment: 'Architecte consulté' } },
      { by: MAIRE_AULNAY, daysAgo: 4, do: { type: 'AskQuestion', category: 'prochaine_etape', text: 'Faut-il un permis de construire pour une extension de 60 m² accolée à l’école ?' } },
    ],
  },
];

type TimelineItem =
  | { at: Date; project: DemoProject; kind: 'create' | 'partner' }
  | { at: Date; project: DemoProject; kind: 'step'; step: Step; index: number };

/**
 * The demo's actions in the order they happened: each project's creation, the partner's involvement the
 * next day, then its steps (a few minutes apart on the same day). Sorted by time, ties in the listed order.
 */
export function demoTimeline(now: Date, projects: DemoProject[] = DEMO_PROJECTS): TimelineItem[] {
  const at = (daysAgo: number, minutes: number) => new Date(now.getTime() - daysAgo * 86_400_000 + minutes * 60_000);
  const items: TimelineItem[] = [];
  for (const project of projects) {
    items.push({ at: at(project.daysAgo, 0), project, kind: 'create' });
    if (project.partner) items.push({ at: at(project.daysAgo - 1, 0), project, kind: 'partner' });
    project.steps.forEach((step, index) => items.push({ at: at(step.daysAgo, index + 1), project, kind: 'step', step, index }));
  }
  return items.map((item, order) => ({ item, order })).sort((a, b) => a.item.at.getTime() - b.item.at.getTime() || a.order - b.order).map(({ item }) => item);
}

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
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The directory and the agents' teams live in the account store (out of the log): written once, on an empty directory. */
  private async seedDirectory(at: Date): Promise<void> {
    for (const [accountId, teams] of Object.entries(DEMO_TEAMS)) if ((await this.accounts.getTeams(accountId)).length === 0) await this.accounts.setTeams(accountId, teams);
    if ((await this.accounts.listContacts()).length > 0) return;
    for (const contact of DEMO_CONTACTS) await this.accounts.createContact({ ...contact, createdAt: at.toISOString(), updatedAt: at.toISOString() });
  }

  async seedIfEmpty(now = new Date()): Promise<number> {
    if ((await this.events.headPosition()) > 0) return 0;
    const at = (daysAgo: number, i: number) => new Date(now.getTime() - daysAgo * 86_400_000 + i * 60_000);
    const actor = (id: string): Actor => findPersona(id)!;
    let position = 0;
    try {
      // The space of each demo commune: its mayor and collaborators hold their seats (as after accepted invitations).
      // Before the oldest project, so that the log reads forward in time.
      const projects = this.projects();
      const start = Math.max(...projects.map((p) => p.daysAgo)) + 10;
      this.clock.set(at(start, 0));
      // The directory, the teams and the CAUE are the Val-d'Oise's.
      const valDOise = this.config.departements.includes('95');
      if (valDOise) await this.seedDirectory(at(start, 0));
      const admin = actor('persona-admin');
      for (const person of personasOf(this.config.departements)) {
        if (!person.communeInsee) continue;
        const seat = person.role === 'commune_mayor' ? 'mayor' : 'collaborator';
        await this.seats.assign(person.communeInsee, person.id, seat, null, person, { idempotencyKey: `demo-seat-${person.id}` });
      }
      if (valDOise) await this.seats.createOrganisation('org-caue-95', 'CAUE du Val-d’Oise', 'caue', admin, { idempotencyKey: 'demo-org-caue-95' });
      // Every project's actions on one timeline, written in time order: the log, the histories, the
      // notifications and the public change feed all read forward in time.
      const timeline = demoTimeline(now, projects);
      const ids = new Map<string, string>();
      const lastQuestion = new Map<string, string>();
      const publicDocuments = new Map<string, string[]>();
      for (const item of timeline) {
        this.clock.set(item.at);
        const p = item.project;
        if (item.kind === 'create') {
          const created = await this.commandBus.execute(
            new CreateProjectCommand(actor(p.by), { idempotencyKey: `demo-${p.key}` }, {
              codeInsee: p.codeInsee, title: p.title, description: p.description, theme: p.theme, estimatedCostHt: p.estimatedCostHt,
            }),
          );
          ids.set(p.key, created.id);
          position = created.position ?? position;
          continue;
        }
        const projectId = ids.get(p.key)!;
        if (item.kind !== 'step') {
          position = (await this.runner.run(projectId, { type: 'InvolvePartner', organisationId: p.partner! }, actor(AGENT), { idempotencyKey: `demo-${p.key}-partner` })).position;
          continue;
        }
        const { step, index: i } = item;
        if ('addDocument' in step) {
          const doc = step.addDocument;
          const blob = await this.blobs.put(doc.bytes());
          const file = { fileName: doc.fileName, mediaType: doc.fileName.endsWith('.png') ? 'image/png' : 'application/pdf', size: blob.size, sha256: blob.sha256, blobKey: blob.key } as const;
          const command = { type: 'AddDocument', documentId: '', title: doc.title, public: doc.public, file } as const;
          const added = await this.uploads.record(projectId, command, actor(step.by), { idempotencyKey: `demo-${p.key}-${i}` });
          if (doc.public) publicDocuments.set(p.key, [...(publicDocuments.get(p.key) ?? []), added.documentId]);
          position = added.position;
          continue;
        }
        const options = { idempotencyKey: `demo-${p.key}-${i}` };
        const questionId = lastQuestion.get(p.key)!;
        let command: ProjectCommand =
          'answerLatestQuestion' in step
            ? { type: 'AnswerQuestion', questionId, text: step.answerLatestQuestion, contactId: step.contact ?? null }
            : 'onLatestQuestion' in step
              ? step.onLatestQuestion(questionId)
              : 'approveLatestPublication' in step
                ? await this.approvalOf(projectId)
                : step.do;
        // The public content shows the project's public documents (its picture first) added so far.
        if (command.type === 'RequestPublication' || command.type === 'RevisePublication') {
          command = { ...command, content: { ...command.content, documentIds: publicDocuments.get(p.key) ?? [] } };
        }
        const commandId = this.runner.commandId(actor(step.by), options);
        const result = await this.runner.run(projectId, command, actor(step.by), options, commandId);
        if (command.type === 'AskQuestion') {
          const stream = await this.events.readStream(`project-${projectId}`);
          lastQuestion.set(p.key, (stream.find((e) => e.metadata.commandId === commandId)!.data as { questionId: string }).questionId);
        }
        position = result.position;
      }
      // Points on the map (issue #10), placed after everything else of the timeline, so that no history goes back in time.
      const last = timeline.reduce((latest, item) => Math.max(latest, item.at.getTime()), now.getTime());
      this.clock.set(new Date(last + 60_000));
      position = (await placeDemoProjects(this.events, (id, c, a, o) => this.runner.run(id, c, a, o), findPersona)) || position;
    } finally {
      this.clock.set(null);
    }
    this.logger.log(`${this.projects().length} projets de démonstration créés.`);
    return position;
  }

  /** The Val-d'Oise's demo projects where the instance serves it, the Yvelines' where it serves the Yvelines. */
  private projects(): DemoProject[] {
    const served = this.config.departements;
    return [...(served.includes('95') ? DEMO_PROJECTS : []), ...(served.includes('78') ? DEMO_PROJECTS_YVELINES : [])];
  }

  /** What the mayor approves: the latest version of the public content, by number and fingerprint, as the screen shows them. */
  private async approvalOf(projectId: string): Promise<ProjectCommand> {
    const stream = await this.events.readStream(`project-${projectId}`);
    const state = stream.reduce((s, e) => projectDecider.evolve(s, e as unknown as ProjectEvent), projectDecider.initialState());
    const draft = state.publicationDraft!;
    return { type: 'PublishProject', version: draft.version, fingerprint: publicationFingerprint(projectId, draft.version, draft.content) };
  }
}
