import { createRequire } from 'node:module';
import {
  DomainError,
  PROJECT_STEPS,
  projectDecider,
  projectStreamId,
  type Actor,
  type FundingScheme,
  type Funder,
  type ProjectCommand,
  type ProjectEvent,
  type ProjectState,
  type ProjectStep,
  type ProjectTheme,
  type QuestionCategory,
} from '@carnet/domain';
import type { EventStore, NewEvent } from '@carnet/event-store';
import { deterministicUuid } from '../shared/deterministic-id.js';
import { fingerprint, publicationFingerprint } from '../shared/fingerprint.js';

/*
 * Issue #15 part 6, « National scale »: a realistic log for every commune of France, written with
 * the product's own decider (the commands a commune, its Département's agents and its mayor send,
 * decided on the project's state, exactly as DeciderRunner does) and appended through the event
 * store's append API, many appends in flight so that group commit does its work. Deterministic:
 * every project draws from its own seeded generator, so two runs write the same events (same ids,
 * same content, same order).
 */

/** A commune of the official geographic code (@etalab/decoupage-administratif). */
export interface NationalCommune {
  codeInsee: string;
  name: string;
  departement: string;
}

/** The fixed end of the generated history: every event is dated before it, whatever day the generator runs. */
export const NATIONAL_END = Date.UTC(2026, 10, 30, 18, 0, 0);

interface EtalabCommune {
  code: string;
  nom: string;
  departement: string;
  type: string;
}

const require = createRequire(import.meta.url);

/**
 * The communes to write, `count` of them (default: all ~34,900). The communes of `first` (the
 * département whose staff the measures log in as, 95) come first, then the others evenly spread
 * over the code list, so that a small run still covers the whole country.
 */
export function nationalCommunes(count?: number, first = '95'): NationalCommune[] {
  const all = (require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[])
    .filter((c) => c.type === 'commune-actuelle')
    .map((c) => ({ codeInsee: c.code, name: c.nom, departement: c.departement }))
    .sort((a, b) => (a.codeInsee < b.codeInsee ? -1 : a.codeInsee > b.codeInsee ? 1 : 0));
  const wanted = Math.min(count ?? all.length, all.length);
  const head = all.filter((c) => c.departement === first).slice(0, wanted);
  const rest = all.filter((c) => c.departement !== first);
  const need = wanted - head.length;
  const picked: NationalCommune[] = [];
  for (let i = 0; i < need; i++) picked.push(rest[Math.floor((i * rest.length) / need)]);
  return [...head, ...picked];
}

/** mulberry32: small, fast, good enough to draw a realistic history; seeded per project. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from text (FNV-1a). */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const between = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

// ---------------------------------------------------------------- what small communes write
const PROJECT_KINDS: ReadonlyArray<{ theme: ProjectTheme; title: string; description: string; cost: [number, number] }> = [
  { theme: 'ecole', title: 'Réfection de la toiture de l’école', description: 'Infiltrations dans deux classes chaque hiver : remplacer la couverture et isoler les combles.', cost: [80_000, 250_000] },
  { theme: 'ecole', title: 'Extension du restaurant scolaire', description: 'Passer à davantage de repas par jour : nouvelle salle, self-service et cuisine agrandie.', cost: [250_000, 700_000] },
  { theme: 'batiment_public', title: 'Rénovation de la salle des fêtes', description: 'Mise aux normes d’accessibilité, isolation et remplacement du chauffage au fioul.', cost: [150_000, 500_000] },
  { theme: 'batiment_public', title: 'Mise en accessibilité de la mairie', description: 'Rampe d’accès, banque d’accueil abaissée et sanitaires adaptés.', cost: [40_000, 120_000] },
  { theme: 'voirie', title: 'Sécurisation de la traversée du bourg', description: 'Plateaux ralentisseurs et trottoirs élargis devant l’école, sur la route départementale.', cost: [100_000, 400_000] },
  { theme: 'voirie', title: 'Réfection de la voirie communale', description: 'Reprise de la chaussée et des fossés de deux chemins communaux.', cost: [60_000, 300_000] },
  { theme: 'eclairage', title: 'Passage de l’éclairage public en LED', description: 'Remplacer les points lumineux au sodium par des luminaires LED avec abaissement la nuit.', cost: [40_000, 150_000] },
  { theme: 'energie', title: 'Rénovation énergétique du gymnase', description: 'Isolation par l’extérieur, nouvelle chaudière et éclairage LED du gymnase.', cost: [150_000, 450_000] },
  { theme: 'energie', title: 'Chaufferie bois pour l’école et la mairie', description: 'Une chaudière à plaquettes et un petit réseau de chaleur à la place du fioul.', cost: [150_000, 350_000] },
  { theme: 'eau_assainissement', title: 'Mise en séparatif du réseau d’assainissement', description: 'Séparer les eaux pluviales des eaux usées dans la rue principale.', cost: [200_000, 800_000] },
  { theme: 'espaces_verts', title: 'Végétalisation de la cour de l’école', description: 'Pleine terre, arbres et massifs plantés pour l’ombre en été et l’infiltration des pluies.', cost: [40_000, 120_000] },
  { theme: 'espaces_verts', title: 'Aire de jeux du bourg', description: 'Une aire de jeux pour les 2 à 10 ans, sol souple et bancs à l’ombre.', cost: [30_000, 90_000] },
  { theme: 'sport_culture', title: 'Création d’un city-stade', description: 'Un terrain multisports en accès libre, demandé par le conseil municipal des jeunes.', cost: [80_000, 160_000] },
  { theme: 'sport_culture', title: 'Aménagement d’une médiathèque', description: 'Transformer l’ancienne poste en médiathèque et espace de services.', cost: [200_000, 600_000] },
  { theme: 'mobilite', title: 'Liaison piétonne et cyclable vers la gare', description: 'Un cheminement sûr entre le lotissement et la gare, le long de la route départementale.', cost: [100_000, 500_000] },
  { theme: 'numerique', title: 'Équipement numérique de l’école', description: 'Écrans interactifs, tablettes et câblage des classes.', cost: [15_000, 60_000] },
  { theme: 'patrimoine', title: 'Restauration du lavoir communal', description: 'Charpente affaissée, tuiles manquantes, bassin envasé : restaurer le lavoir et l’ouvrir aux promeneurs.', cost: [50_000, 150_000] },
  { theme: 'patrimoine', title: 'Restauration de l’église', description: 'Reprise des maçonneries du clocher et de la toiture de la nef.', cost: [200_000, 900_000] },
  { theme: 'autre', title: 'Aménagement du cimetière', description: 'Allées accessibles, columbarium et jardin du souvenir.', cost: [30_000, 120_000] },
];

const QUESTIONS: Record<QuestionCategory, readonly string[]> = {
  prochaine_etape: ['L’étude de faisabilité est terminée. Quelle est la prochaine étape : consulter un maître d’œuvre ou déposer les demandes de subvention ?', 'Par quoi commencer : une étude, ou d’abord l’accord du Département sur l’emprise ?'],
  financement: ['Quelles aides peut-on solliciter pour ce projet, et dans quel ordre déposer les dossiers ?', 'Notre demande au fonds régional a été refusée. Existe-t-il d’autres financements pour compléter ?', 'Le projet peut-il bénéficier du Fonds vert et de la DETR en même temps ?'],
  interlocuteur: ['Qui peut nous aider à comparer les devis des deux entreprises ?', 'Qui contacter au Département pour la convention de travaux ?'],
  juridique: ['La route appartient au Département : qui est maître d’ouvrage des aménagements ?', 'Quelles autorisations faut-il avant les travaux en site classé ?'],
  technique: ['L’entreprise propose une variante : faut-il un nouvel avis de l’architecte des bâtiments de France ?', 'Faut-il un diagnostic amiante avant de déposer la toiture ?'],
  autre: ['Pouvez-vous nous transmettre un exemple de cahier des charges ?'],
};
const ANSWERS = [
  'Vous pouvez solliciter la DETR auprès de la préfecture (dépôt avant fin janvier) et l’aide départementale. Déposez d’abord la DETR, puis le dossier départemental avec l’accusé de réception.',
  'Une convention de co-maîtrise d’ouvrage avec le Département est l’usage pour les aménagements sur route départementale. Le service des routes vous proposera un modèle.',
  'La conseillère en énergie partagée de votre secteur fait cette analyse gratuitement : contactez-la de la part du Département.',
  'Oui : une déclaration préalable est nécessaire et l’architecte des bâtiments de France donne son avis. Demandez-le sur l’avant-projet.',
  'Le Fonds vert peut compléter si le projet améliore la performance énergétique. Pensez aussi au FCTVA pour récupérer une partie de la TVA.',
];
const MESSAGES = [
  'Bonjour, nous avons reçu l’accusé de réception de la préfecture. Pouvez-vous nous confirmer que le dossier départemental peut partir cette semaine ?',
  'Oui, vous pouvez l’envoyer : joignez l’accusé de réception et le devis retenu.',
  'La visite sur place prévue jeudi est-elle toujours d’actualité ?',
  'Le conseil municipal a délibéré hier sur le plan de financement : la délibération est jointe au dossier.',
  'Les entreprises consultées ont répondu ; l’analyse des offres sera faite la semaine prochaine.',
];
const NOTES = [
  'Dossier complet, à présenter en commission permanente.',
  'Vérifier l’éligibilité au contrat rural avant de répondre à la commune.',
  'Projet suivi de près par le conseiller départemental du canton.',
];
const DOCUMENTS = [
  { title: 'Devis retenu', fileName: 'Devis retenu.pdf', mediaType: 'application/pdf' },
  { title: 'Délibération du conseil municipal', fileName: 'Délibération.pdf', mediaType: 'application/pdf' },
  { title: 'Photo du site avant travaux', fileName: 'site-avant-travaux.jpg', mediaType: 'image/jpeg' },
  { title: 'Plan de financement', fileName: 'Plan de financement.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
] as const;
const FUNDING: ReadonlyArray<{ funder: Funder; scheme: FundingScheme; label: string }> = [
  { funder: 'etat', scheme: 'detr', label: 'DETR' },
  { funder: 'etat', scheme: 'dsil', label: 'DSIL' },
  { funder: 'etat', scheme: 'fonds_vert', label: 'Fonds vert' },
  { funder: 'region', scheme: 'contrat_rural_region', label: 'Contrat rural — Région' },
  { funder: 'departement', scheme: 'contrat_rural_departement', label: 'Contrat rural — Département' },
];
const STEP_COMMENTS: Record<ProjectStep, string> = {
  idee: 'Idée inscrite au programme',
  etudes: 'Étude de faisabilité commandée',
  financement: 'Dossiers de subvention déposés',
  travaux: 'Ordre de service donné aux entreprises',
  termine: 'Réception des travaux',
};

// ---------------------------------------------------------------- one project's history
export interface NationalOptions {
  /** Projects per commune. */
  projects: number;
  /** Mean events per project (each project draws between half and one and a half of it). */
  events: number;
  seed: string;
}

export const DEFAULT_NATIONAL_OPTIONS: NationalOptions = { projects: 10, events: 30, seed: 'carnet-national' };

const actorsOf = (commune: NationalCommune) => ({
  mayor: { id: `national-maire-${commune.codeInsee}`, role: 'commune_mayor', communeInsee: commune.codeInsee, displayName: `Maire de ${commune.name}` } satisfies Actor as Actor,
  member: { id: `national-secretaire-${commune.codeInsee}`, role: 'commune_member', communeInsee: commune.codeInsee, displayName: `Secrétaire de mairie de ${commune.name}` } satisfies Actor as Actor,
  agent: { id: `national-agent-${commune.departement}`, role: 'departement_agent', communeInsee: null, displayName: `Agent du Département ${commune.departement}` } satisfies Actor as Actor,
  finances: { id: `national-finances-${commune.departement}`, role: 'departement_agent', communeInsee: null, displayName: `Chargé des aides ${commune.departement}` } satisfies Actor as Actor,
});

/** The project's id: stable for a seed, a commune and the project's rank in it. */
export const nationalProjectId = (seed: string, codeInsee: string, k: number) => deterministicUuid(`national:${seed}:${codeInsee}:${k}`);

/**
 * The events of project `k` of `commune`: a creation, then what its commune, its Département and
 * its mayor do, each command decided by the project decider on the state the previous ones made
 * (a command the decider refuses is simply not sent). Steps move forward to the project's fate;
 * a finished project may be published on the mayor's approval.
 */
export function nationalProjectEvents(commune: NationalCommune, k: number, options: NationalOptions = DEFAULT_NATIONAL_OPTIONS): NewEvent[] {
  const rand = prng(seedOf(`${options.seed}:${commune.codeInsee}:${k}`));
  const projectId = nationalProjectId(options.seed, commune.codeInsee, k);
  const streamId = projectStreamId(projectId);
  const people = actorsOf(commune);
  const kind = pick(rand, PROJECT_KINDS);
  const target = Math.max(1, Math.round(options.events * (0.5 + rand())));
  // Where the project ends: a mix of every step, a quarter finished.
  const fate = pick(rand, [0, 1, 1, 2, 2, 3, 3, 4, 4, 4] as const);
  const publish = fate === 4 && rand() < 0.6;
  const spanDays = between(rand, 20, 900);
  const start = NATIONAL_END - between(rand, 0, 60) * 86_400_000 - spanDays * 86_400_000;
  const events: NewEvent[] = [];
  let state: ProjectState = projectDecider.initialState();
  const questions: string[] = [];
  const lines: Array<{ id: string; status: 'demandee' | 'accordee' | 'versee'; granted: number; paid: number }> = [];
  const publicDocuments: string[] = [];
  let progress = 0;
  let attempts = 0;

  const send = (command: ProjectCommand, actor: Actor): ProjectEvent[] | null => {
    const i = events.length;
    const commandId = deterministicUuid(`national:${options.seed}:${projectId}:${i}:${attempts}`);
    const now = new Date(start + Math.floor(((i + rand()) / target) * spanDays * 86_400_000));
    let decided: ProjectEvent[];
    try {
      decided = projectDecider.decide(command, state, { actor, now, newId: (purpose) => deterministicUuid(`${commandId}:${purpose}`), fingerprint });
    } catch (error) {
      if (error instanceof DomainError) return null; // refused: a person would have been told why, nothing is written
      throw error;
    }
    decided.forEach((event, n) => {
      events.push({
        id: deterministicUuid(`${commandId}:${streamId}:${n}`),
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: { actorId: actor.id, actorRole: actor.role, actorCommune: actor.communeInsee, correlationId: commandId, causationId: commandId, commandId, recordedAt: now.toISOString() },
      });
      state = projectDecider.evolve(state, event);
    });
    return decided;
  };

  const [minCost, maxCost] = kind.cost;
  const cost = Math.round(between(rand, minCost, maxCost) / 100) * 100;
  send({ type: 'CreateProject', projectId, codeInsee: commune.codeInsee, title: kind.title, description: kind.description, theme: kind.theme, estimatedCostHt: rand() < 0.85 ? cost : null }, people.mayor);
  const commune_ = () => (rand() < 0.7 ? people.mayor : people.member);
  while (events.length < target && attempts < target * 4) {
    attempts++;
    const left = target - events.length;
    const stepIndex = PROJECT_STEPS.indexOf(state.step);
    // Keep room for the publication at the end, and move forward in steps evenly over the history.
    const reserve = publish ? 2 : 0;
    if (stepIndex < fate && rand() < (fate - stepIndex) / Math.max(1, left - reserve)) {
      const to = PROJECT_STEPS[stepIndex + 1];
      progress = to === 'termine' ? 100 : Math.min(95, Math.max(progress + 5, (stepIndex + 1) * 20 + between(rand, 0, 15)));
      send({ type: 'ChangeStep', step: to, progress, comment: rand() < 0.6 ? STEP_COMMENTS[to] : null }, commune_());
      continue;
    }
    if (publish && state.step === 'termine' && left <= reserve) {
      if (state.publication === 'none') {
        send({ type: 'RequestPublication', content: { title: kind.title, summary: `${kind.description} Le projet de ${commune.name} est terminé et livré.`, finalCostHt: cost, funding: [{ source: 'Département — aide aux communes', amountHt: Math.round(cost * 0.3) }], lessonsLearned: 'Associer les habitants dès l’avant-projet et déposer les dossiers de subvention tôt.', documentIds: publicDocuments.slice(0, 3) } }, people.mayor);
      } else if (state.publication === 'requested' && state.publicationDraft) {
        const draft = state.publicationDraft;
        send({ type: 'PublishProject', version: draft.version, fingerprint: publicationFingerprint(projectId, draft.version, draft.content) }, people.mayor);
      } else break;
      continue;
    }
    const r = rand();
    const open = questions.filter((q) => state.questions[q] && state.questions[q].status !== 'close');
    if (r < 0.16) {
      const category = pick(rand, ['prochaine_etape', 'financement', 'financement', 'interlocuteur', 'juridique', 'technique', 'autre'] as const);
      const asked = send({ type: 'AskQuestion', category, text: pick(rand, QUESTIONS[category]) }, commune_());
      const data = asked?.[0]?.data as { questionId?: string } | undefined;
      if (data?.questionId) questions.push(data.questionId);
    } else if (r < 0.24 && open.length) {
      const q = pick(rand, open);
      send({ type: 'TakeQuestionInCharge', questionId: q }, state.questions[q].team === 'aides' ? people.finances : people.agent);
    } else if (r < 0.36 && open.length) {
      const q = pick(rand, open);
      send({ type: 'AnswerQuestion', questionId: q, text: pick(rand, ANSWERS), contactId: null }, state.questions[q].team === 'aides' ? people.finances : people.agent);
    } else if (r < 0.42 && open.length) {
      const q = pick(rand, open);
      if (state.questions[q].status === 'repondue' && rand() < 0.2) send({ type: 'ReopenQuestion', questionId: q, reason: 'La réponse ne couvre pas notre cas : pouvez-vous préciser ?' }, commune_());
      else send({ type: 'CloseQuestion', questionId: q }, commune_());
    } else if (r < 0.56) {
      send({ type: 'PostMessage', text: pick(rand, MESSAGES) }, rand() < 0.6 ? commune_() : people.agent);
    } else if (r < 0.6) {
      send({ type: 'AddInternalNote', text: pick(rand, NOTES), questionId: open.length && rand() < 0.3 ? pick(rand, open) : null }, people.agent);
    } else if (r < 0.68) {
      const doc = pick(rand, DOCUMENTS);
      const documentId = deterministicUuid(`national:${options.seed}:${projectId}:document:${events.length}`);
      const sha256 = deterministicUuid(`sha:${documentId}`).replace(/-/g, '').padEnd(64, '0').slice(0, 64);
      const isPublic = doc.mediaType === 'image/jpeg' || rand() < 0.2;
      const added = send({ type: 'AddDocument', documentId, title: doc.title, public: isPublic, file: { fileName: doc.fileName, mediaType: doc.mediaType, size: between(rand, 20_000, 2_000_000), sha256, blobKey: `national/${sha256}` } }, commune_());
      if (added && isPublic) publicDocuments.push(documentId);
    } else if (r < 0.72) {
      send({ type: 'SetFinancingCost', costHtCents: cost * 100 + between(rand, 0, 99) * 100, costTtcCents: Math.round(cost * 120) }, commune_());
    } else if (r < 0.8 && lines.length < 4) {
      const f = pick(rand, FUNDING);
      const now = new Date(start + Math.floor(((events.length + 0.5) / target) * spanDays * 86_400_000)).toISOString().slice(0, 10);
      const requested = send({ type: 'RequestFunding', funder: f.funder, scheme: f.scheme, label: f.label, amountCents: Math.round(cost * 100 * (0.1 + rand() * 0.3)), base: 'HT', requestedOn: now }, commune_());
      const data = requested?.[0]?.data as { lineId?: string } | undefined;
      if (data?.lineId) lines.push({ id: data.lineId, status: 'demandee', granted: 0, paid: 0 });
    } else if (r < 0.88 && lines.length) {
      const line = pick(rand, lines);
      const on = new Date(start + Math.floor(((events.length + 0.5) / target) * spanDays * 86_400_000)).toISOString().slice(0, 10);
      if (line.status === 'demandee') {
        const amount = Math.round(cost * 100 * (0.1 + rand() * 0.2));
        if (send({ type: 'GrantFunding', lineId: line.id, amountCents: amount, grantedOn: on, decisionReference: `Arrêté n° ${between(rand, 100, 999)}/${on.slice(0, 4)}` }, people.finances)) {
          line.status = 'accordee';
          line.granted = amount;
        }
      } else if (line.status === 'accordee' && line.paid < line.granted) {
        const amount = line.paid === 0 && rand() < 0.6 ? Math.round(line.granted * 0.3) : line.granted - line.paid;
        if (send({ type: 'PayFunding', lineId: line.id, kind: line.paid + amount === line.granted ? 'solde' : 'acompte', amountCents: amount, paidOn: on }, people.finances)) line.paid += amount;
      }
    } else {
      // The most common event of a real project: its progress moves within the step.
      const next = Math.min(state.step === 'termine' ? 100 : 99, progress + between(rand, 1, 6));
      if (next !== progress && state.step !== 'termine') {
        progress = next;
        send({ type: 'ChangeStep', step: state.step, progress, comment: null }, commune_());
      }
    }
  }
  return events;
}

// ---------------------------------------------------------------- writing the log
export interface NationalWriteOptions extends NationalOptions {
  /** Appends in flight at most (each append is one project's whole history). */
  inFlight?: number;
  /** Called after each commune with the number of communes, projects and events written so far. */
  onProgress?: (p: { communes: number; projects: number; events: number }) => void;
}

export interface NationalWriteResult {
  communes: number;
  projects: number;
  events: number;
  /** Event type → how many. */
  types: Record<string, number>;
  seconds: number;
}

/**
 * Writes the histories of `communes` to `store`, one append per project (expected: no stream),
 * commune after commune. At most `inFlight` appends wait for their commit: memory stays bounded by
 * that window, not by the log.
 */
export async function writeNationalLog(store: EventStore, communes: NationalCommune[], options: NationalWriteOptions): Promise<NationalWriteResult> {
  const started = performance.now();
  const limit = options.inFlight ?? 256;
  const types: Record<string, number> = {};
  let pending = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let threshold = limit / 2;
  let projects = 0;
  let written = 0;
  const settled = () => {
    pending--;
    if (wake && pending <= threshold) {
      const w = wake;
      wake = null;
      w();
    }
  };
  for (let c = 0; c < communes.length; c++) {
    for (let k = 0; k < options.projects; k++) {
      const events = nationalProjectEvents(communes[c], k, options);
      for (const e of events) types[e.type] = (types[e.type] ?? 0) + 1;
      projects++;
      written += events.length;
      pending++;
      store.appendToStream(projectStreamId((events[0].data as { projectId: string }).projectId), events, 'no_stream').then(settled, (error: Error) => {
        failure ??= error;
        settled();
      });
    }
    if (failure) throw failure;
    options.onProgress?.({ communes: c + 1, projects, events: written });
    if (pending >= limit) await new Promise<void>((resolve) => (wake = resolve));
  }
  threshold = 0;
  if (pending > 0) await new Promise<void>((resolve) => (wake = resolve));
  if (failure) throw failure;
  return { communes: communes.length, projects, events: written, types, seconds: (performance.now() - started) / 1000 };
}
