import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { VAL_D_OISE_STARTING_RULE_SET } from '@carnet/domain';
import { demoPdf } from '../src/demo/demo-files.js';
import { newProject, startApp, type Client } from './harness.js';

/**
 * The access matrix: every endpoint × every role × own / other commune × own / other Département, on
 * an UNPUBLISHED project of Ableiges (95002), on an instance serving the Val-d'Oise and the Yvelines
 * (issue #17): the Yvelines' mayor, agent, administrator and auditor are the last four columns.
 * Outcomes as a caller sees them:
 *   ok     — the request is served (2xx), or reaches a business rule (409/422): access was granted
 *   denied — 403 problem
 *   hidden — 404 problem: the project's existence itself is private
 *   login  — 401 problem: nobody is logged in
 *   not theirs — 422 naming the field: a Val-d'Oise commune given in a Yvelines person's request body,
 *            answered as a code that names no commune of theirs
 *   refused — 403 or 404: a Yvelines person refused something about the Val-d'Oise that their
 *            role may not do anyway (which check answers first does not matter: neither tells anything)
 */
type Outcome = 'ok' | 'denied' | 'hidden' | 'login' | 'refused' | 'not theirs';
type Who95 = 'anonyme' | 'maire A' | 'adjoint A' | 'maire B' | 'secrétaire B' | 'agent' | 'admin' | 'partenaire' | 'partenaire associé' | 'auditeur';
/** The Yvelines' people, on the Val-d'Oise's project (issue #17). */
type Who78 = 'maire 78' | 'agent 78' | 'admin 78' | 'auditeur 78';
type Who = Who95 | Who78;

const PERSONA: Record<Exclude<Who, 'anonyme' | 'partenaire associé'>, string> = {
  'maire 78': 'persona-maire-78033',
  'agent 78': 'persona-agent-78',
  'admin 78': 'persona-admin-78',
  'auditeur 78': 'persona-auditeur-78',
  'maire A': 'persona-maire-95002',
  'adjoint A': 'persona-adjoint-95002',
  'maire B': 'persona-maire-95446',
  'secrétaire B': 'persona-secretaire-95446',
  agent: 'persona-agent-amenagement',
  admin: 'persona-admin',
  partenaire: 'persona-caue',
  auditeur: 'persona-auditeur',
};
const WHO95: Who95[] = ['anonyme', 'maire A', 'adjoint A', 'maire B', 'secrétaire B', 'agent', 'admin', 'partenaire', 'partenaire associé', 'auditeur'];
const WHO: Who[] = [...WHO95, 'maire 78', 'agent 78', 'admin 78', 'auditeur 78'];

interface Fixture {
  projectId: string;
  questionId: string;
  documentId: string;
  /** Financing (issue #12): a requested funding line and a saved estimate, made by `setup` where a row needs them. */
  lineId?: string;
  simulationId?: string;
}

const PDF = demoPdf(['Document de la matrice']);

type Call = (c: Client | null, f: Fixture, http: unknown) => request.Test;
const anon = (http: unknown) => request(http as Parameters<typeof request>[0]);
const get = (path: (f: Fixture) => string): Call => (c, f, http) => (c ? c.get(path(f)) : anon(http).get(path(f)));
const post = (path: (f: Fixture) => string, body: object = {}): Call => (c, f, http) => (c ? c.post(path(f)) : anon(http).post(path(f))).send(body);
const put = (path: (f: Fixture) => string, body: object = {}): Call => (c, f, http) => (c ? c.agent.put(path(f)).set('X-CSRF-Token', c.csrf) : anon(http).put(path(f))).send(body);
const del = (path: (f: Fixture) => string): Call => (c, f, http) => (c ? c.delete(path(f)) : anon(http).delete(path(f)));
const patch = (path: (f: Fixture) => string, body: object): Call => (c, f, http) => (c ? c.patch(path(f)) : anon(http).patch(path(f))).send(body);

const upload = (path: (f: Fixture) => string, fields: Record<string, string> = {}): Call => (c, f, http) => {
  let req = c ? c.post(path(f)) : anon(http).post(path(f));
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', PDF, 'document.pdf');
};

/** Expected outcome for each person of the Val-d'Oise, in the order of WHO95. */
const row = (...outcomes: Outcome[]): Record<Who95, Outcome> => Object.fromEntries(WHO95.map((w, i) => [w, outcomes[i]])) as Record<Who95, Outcome>;

/**
 * Endpoints about one thing of the Val-d'Oise (its project, its commune Ableiges, its FAQ entries,
 * contacts, accounts and invitations): the Yvelines' people are told it does not exist (404) where
 * their Val-d'Oise counterparts are served. Elsewhere they are answered like them (with their own Département's data).
 */
const ABOUT_VAL_D_OISE = /:id\b|:d\b|:q\b|:l\b|:s\b|:u\b|:a\b|95002|\((publiée|brouillon|archivée)\)|from-question|commune A|simulate/;
function yvelinesColumns(endpoint: string, r: Record<Who95, Outcome>): Record<Who78, Outcome> {
  const about = ABOUT_VAL_D_OISE.test(endpoint);
  const hide = (o: Outcome): Outcome => (about && o === 'ok' ? 'hidden' : about && o === 'denied' ? 'refused' : o);
  return { 'maire 78': hide(r['maire B']), 'agent 78': hide(r.agent), 'admin 78': hide(r.admin), 'auditeur 78': hide(r.auditeur) };
}

/** FAQ entries made once for the matrix (issue #11): a published public one, a draft, an archived one. */
const FAQ = { published: '', draft: '', archived: '' };
const FAQ_BODY = { question: 'Question de la matrice ?', answer: 'Réponse de la matrice.', category: 'autre', keywords: [], team: 'accompagnement', audience: 'public' };

type Setup = (adjoint: Client, f: Fixture) => Promise<Partial<Fixture>>;
const LINE = { funder: 'etat', scheme: 'detr', label: 'DETR', amountCents: 1_000_00, base: 'HT', requestedOn: '2026-01-05' };
const ESTIMATE = { category: 'renovation_energetique_ecole', costHtCents: 300_000_00, costTtcCents: 360_000_00 };
/** A requested funding line on the fixture's project. */
const withLine: Setup = async (adjoint, f) => {
  const { position } = (await adjoint.post(`/api/projects/${f.projectId}/financing/lines`).send(LINE).expect(200)).body;
  return { lineId: (await adjoint.get(`/api/projects/${f.projectId}/financing?minPosition=${position}`)).body.lines[0].id };
};
/** A saved estimate on the fixture's project. */
const withEstimate: Setup = async (adjoint, f) => {
  const { position } = (await adjoint.post(`/api/projects/${f.projectId}/financing/simulations`).send(ESTIMATE).expect(200)).body;
  return { simulationId: (await adjoint.get(`/api/projects/${f.projectId}/financing?minPosition=${position}`)).body.simulations[0].id };
};

/** `yvelines`: where a Yvelines person is rightly answered otherwise than the rule above says (explained on the row). */
const MATRIX: Array<{ endpoint: string; call: Call; expect: Record<Who95, Outcome>; yvelines?: Partial<Record<Who78, Outcome>>; setup?: Setup }> = [
  //                                                                               anon     maireA adjA  maireB    secB      agent admin partner  associé auditeur
  { endpoint: 'GET /projects/:id', call: get((f) => `/api/projects/${f.projectId}`), expect: row('hidden', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'GET /projects/export.csv', call: get(() => '/api/projects/export.csv'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'PUT /projects/:id/location', call: put((f) => `/api/projects/${f.projectId}/location`, { location: { longitude: 1.97467, latitude: 49.08531 } }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'GET /map/projects', call: get(() => '/api/map/projects?commune=95002'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /map/settings', call: get(() => '/api/map/settings'), expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /map/communes.geojson', call: get(() => '/api/map/communes.geojson'), expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /map/departements.geojson', call: get(() => '/api/map/departements.geojson'), expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /projects/:id/history', call: get((f) => `/api/projects/${f.projectId}/history`), expect: row('hidden', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'POST /projects (commune A)', call: post(() => '/api/projects', newProject()), expect: row('login', 'ok', 'ok', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'denied'),
    // The Yvelines' staff create projects for their own communes: Ableiges is not one of them (as an unknown code).
    yvelines: { 'agent 78': 'not theirs', 'admin 78': 'not theirs', 'auditeur 78': 'not theirs' } },
  { endpoint: 'PATCH /projects/:id', call: patch((f) => `/api/projects/${f.projectId}`, { title: 'Nouveau titre' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/step', call: post((f) => `/api/projects/${f.projectId}/step`, { step: 'etudes', progress: 10 }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/questions', call: post((f) => `/api/projects/${f.projectId}/questions`, { category: 'autre', text: 'Une question' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'denied', 'denied', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/questions/:q/answers', call: post((f) => `/api/projects/${f.projectId}/questions/${f.questionId}/answers`, { text: 'Une réponse' }), expect: row('login', 'denied', 'denied', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'denied') },
  { endpoint: 'POST /projects/:id/publication-request', call: post((f) => `/api/projects/${f.projectId}/publication-request`, { title: 'Bilan', summary: 'Bilan' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'denied', 'denied', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/publication-revision', call: post((f) => `/api/projects/${f.projectId}/publication-revision`, { title: 'Bilan', summary: 'Bilan corrigé', reason: 'Coquille' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/publication', call: post((f) => `/api/projects/${f.projectId}/publication`, { version: 1, fingerprint: '0'.repeat(64) }), expect: row('login', 'ok', 'denied', 'hidden', 'hidden', 'denied', 'denied', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/publication-withdrawal', call: post((f) => `/api/projects/${f.projectId}/publication-withdrawal`, { reason: 'Erreur' }), expect: row('login', 'ok', 'denied', 'hidden', 'hidden', 'denied', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/partners', call: post((f) => `/api/projects/${f.projectId}/partners`, { organisationId: 'org-caue-95' }), expect: row('login', 'denied', 'denied', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'GET /projects/:id/documents/:d', call: get((f) => `/api/projects/${f.projectId}/documents/${f.documentId}`), expect: row('hidden', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'GET /projects/:id/documents/:d/versions/1', call: get((f) => `/api/projects/${f.projectId}/documents/${f.documentId}/versions/1`), expect: row('hidden', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'POST /projects/:id/documents', call: upload((f) => `/api/projects/${f.projectId}/documents`, { title: 'Un document' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'denied') },
  { endpoint: 'POST /projects/:id/documents/:d/versions', call: upload((f) => `/api/projects/${f.projectId}/documents/${f.documentId}/versions`), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'denied') },
  { endpoint: 'PATCH /projects/:id/documents/:d', call: patch((f) => `/api/projects/${f.projectId}/documents/${f.documentId}`, { public: true }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/documents/:d/removal', call: post((f) => `/api/projects/${f.projectId}/documents/${f.documentId}/removal`, { reason: 'Doublon' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  // Questions as work items, conversation and internal notes (issue #4, ADR 0010)
  { endpoint: 'GET /projects/:id/messages', call: get((f) => `/api/projects/${f.projectId}/messages`), expect: row('hidden', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'POST /projects/:id/messages', call: post((f) => `/api/projects/${f.projectId}/messages`, { text: 'Un message' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'denied') },
  { endpoint: 'GET /projects/:id/notes', call: get((f) => `/api/projects/${f.projectId}/notes`), expect: row('hidden', 'denied', 'denied', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'POST /projects/:id/notes', call: post((f) => `/api/projects/${f.projectId}/notes`, { text: 'Une note' }), expect: row('login', 'denied', 'denied', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'denied') },
  { endpoint: 'GET /projects/:id/assignees', call: get((f) => `/api/projects/${f.projectId}/assignees`), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/questions/:q/assignment', call: post((f) => `/api/projects/${f.projectId}/questions/${f.questionId}/assignment`, { assigneeId: 'persona-agent-finances' }), expect: row('login', 'denied', 'denied', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/questions/:q/take-in-charge', call: post((f) => `/api/projects/${f.projectId}/questions/${f.questionId}/take-in-charge`), expect: row('login', 'denied', 'denied', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'denied') },
  { endpoint: 'POST /projects/:id/questions/:q/close', call: post((f) => `/api/projects/${f.projectId}/questions/${f.questionId}/close`), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/questions/:q/reopen', call: post((f) => `/api/projects/${f.projectId}/questions/${f.questionId}/reopen`, { reason: 'Relance' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'denied', 'denied', 'hidden', 'denied', 'denied') },
  { endpoint: 'GET /questions/waiting', call: get(() => '/api/questions/waiting'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'ok', 'ok', 'denied') },
  { endpoint: 'GET /contacts', call: get(() => '/api/contacts?q=energie'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'POST /contacts', call: post(() => '/api/contacts', { name: 'Nouveau Contact', jobTitle: 'Conseiller', organisation: 'CAUE', themes: ['ecole'], communes: [] }), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'PATCH /contacts/:id', call: patch(() => '/api/contacts/6f1c2a10-5b3e-4c6d-9a1e-000000000004', { name: 'Laure Vasseur', jobTitle: 'Juriste', organisation: 'Département', themes: ['voirie'], communes: [] }), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'POST /contacts/:id/archive', call: post(() => '/api/contacts/6f1c2a10-5b3e-4c6d-9a1e-000000000006/archive', { archived: true }), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'PUT /admin/accounts/:id/teams', call: put(() => '/api/admin/accounts/persona-agent-amenagement/teams', { teams: ['accompagnement', 'ingenierie'] }), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'GET /communes/95002/members', call: get(() => '/api/communes/95002/members'), expect: row('login', 'ok', 'ok', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'GET /communes/95002/invitations', call: get(() => '/api/communes/95002/invitations'), expect: row('login', 'ok', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'POST /communes/95002/invitations', call: post(() => '/api/communes/95002/invitations', { email: 'nouvelle.personne@example.org', displayName: 'Nouvelle Personne', seat: 'collaborator' }), expect: row('login', 'ok', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'POST /communes/95002/seats/:u/release', call: post(() => '/api/communes/95002/seats/personne-absente/release', {}), expect: row('login', 'ok', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'POST /communes/95002/mayor-transfer', call: post(() => '/api/communes/95002/mayor-transfer', { toUserId: 'personne-absente' }), expect: row('login', 'ok', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'GET /dashboards/commune/95002', call: get(() => '/api/dashboards/commune/95002'), expect: row('login', 'ok', 'ok', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'GET /dashboards/departement', call: get(() => '/api/dashboards/departement'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'GET /search', call: get(() => '/api/search?q=matrice'), expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /admin/communes', call: get(() => '/api/admin/communes'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'GET /admin/organisations', call: get(() => '/api/admin/organisations'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'POST /admin/organisations', call: post(() => '/api/admin/organisations', { name: 'Agence de l’énergie', kind: 'energie' }), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'GET /admin/accounts', call: get(() => '/api/admin/accounts'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'POST /admin/invitations', call: post(() => '/api/admin/invitations', { email: 'agent.nouveau@example.org', displayName: 'Agent Nouveau', kind: 'departement_agent' }), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'GET /admin/invitations', call: get(() => '/api/admin/invitations'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  // An unknown invitation: the administrator is let through to the 404, everybody else stops at 403.
  { endpoint: 'DELETE /admin/invitations/:id', call: del(() => '/api/admin/invitations/6f1c2a10-5b3e-4c6d-9a1e-00000000dead'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'hidden', 'denied', 'denied', 'denied') },
  // Operations (ADR 0022): the projections' state, for administrators; health is open to all
  { endpoint: 'GET /admin/projections', call: get(() => '/api/admin/projections'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'GET /admin/projections/:projection', call: get(() => '/api/admin/projections/projects'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'GET /health/live', call: get(() => '/api/health/live'), expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /health/ready', call: get(() => '/api/health/ready'), expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /audit/anchors/latest', call: get(() => '/api/audit/anchors/latest'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'GET /notifications', call: get(() => '/api/notifications'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /notifications/unread-count', call: get(() => '/api/notifications/unread-count'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'POST /notifications/read-all', call: post(() => '/api/notifications/read-all'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /projects/:id/follow', call: get((f) => `/api/projects/${f.projectId}/follow`), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'PUT /projects/:id/follow', call: put((f) => `/api/projects/${f.projectId}/follow`), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'DELETE /projects/:id/follow', call: del((f) => `/api/projects/${f.projectId}/follow`), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'GET /me/notification-settings', call: get(() => '/api/me/notification-settings'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  // Financing plan, simulator and rule sets (issue #12, ADR 0019)
  { endpoint: 'GET /projects/:id/financing', call: get((f) => `/api/projects/${f.projectId}/financing`), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'POST /projects/:id/financing/cost', call: post((f) => `/api/projects/${f.projectId}/financing/cost`, { costHtCents: 100_00, costTtcCents: 120_00 }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/financing/lines', call: post((f) => `/api/projects/${f.projectId}/financing/lines`, LINE), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/financing/lines/:l/grant', setup: withLine, call: post((f) => `/api/projects/${f.projectId}/financing/lines/${f.lineId}/grant`, { amountCents: 1_000_00, grantedOn: '2026-01-10', decisionReference: 'Arrêté' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/financing/lines/:l/payments', setup: withLine, call: post((f) => `/api/projects/${f.projectId}/financing/lines/${f.lineId}/payments`, { kind: 'acompte', amountCents: 1_00, paidOn: '2026-01-10' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/financing/lines/:l/refusal', setup: withLine, call: post((f) => `/api/projects/${f.projectId}/financing/lines/${f.lineId}/refusal`, { refusedOn: '2026-01-10', reason: 'Enveloppe épuisée' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/financing/lines/:l/revision', setup: withLine, call: post((f) => `/api/projects/${f.projectId}/financing/lines/${f.lineId}/revision`, { amountCents: 2_000_00, reason: 'Devis' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/financing/own-share-rule', call: post((f) => `/api/projects/${f.projectId}/financing/own-share-rule`, { rule: 'derogation_ecole', reason: 'Arrêté du préfet' }), expect: row('login', 'denied', 'denied', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/financing/simulations', call: post((f) => `/api/projects/${f.projectId}/financing/simulations`, ESTIMATE), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'POST /projects/:id/financing/simulations/:s/request-lines', setup: withEstimate, call: post((f) => `/api/projects/${f.projectId}/financing/simulations/${f.simulationId}/request-lines`, { requestedOn: '2026-01-10' }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'denied', 'denied') },
  { endpoint: 'GET /projects/:id/financing/simulations/:s/replay', setup: withEstimate, call: get((f) => `/api/projects/${f.projectId}/financing/simulations/${f.simulationId}/replay`), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'ok', 'ok') },
  { endpoint: 'POST /financing/simulate', call: post(() => '/api/financing/simulate', { ...ESTIMATE, codeInsee: '95002' }), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
    // A mayor always estimates for their own commune, whatever the request names; staff name a commune of their Département.
    yvelines: { 'maire 78': 'ok', 'agent 78': 'not theirs', 'admin 78': 'not theirs', 'auditeur 78': 'not theirs' } },
  { endpoint: 'GET /financing/similar', call: get(() => '/api/financing/similar?category=eclairage_public'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /financing/rule-sets', call: get(() => '/api/financing/rule-sets'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'POST /financing/rule-sets', call: post(() => '/api/financing/rule-sets', VAL_D_OISE_STARTING_RULE_SET), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'GET /dashboards/departement/financing', call: get(() => '/api/dashboards/departement/financing'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'GET /audit/projects/:id/financing', call: get((f) => `/api/audit/projects/${f.projectId}/financing?at=2030-01-01`), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'denied', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'PUT /me/notification-settings', call: put(() => '/api/me/notification-settings', { emailMode: 'daily_digest' }), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  // Collaborative FAQ (issue #11, ADR 0018). Commands on an archived entry reach a business rule (409) for the Département.
  { endpoint: 'GET /faq/entries', call: get(() => '/api/faq/entries?q=matrice'), expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /faq/entries/:id (publiée)', call: get(() => `/api/faq/entries/${FAQ.published}`), expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /faq/entries/:id (brouillon)', call: get(() => `/api/faq/entries/${FAQ.draft}`), expect: row('hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'hidden', 'ok') },
  { endpoint: 'GET /faq/entries/:id/history', call: get(() => `/api/faq/entries/${FAQ.published}/history`), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'GET /faq/suggestions', call: get(() => '/api/faq/suggestions?q=matrice'), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'GET /faq/review', call: get(() => '/api/faq/review'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'GET /faq/stats', call: get(() => '/api/faq/stats'), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'ok') },
  { endpoint: 'POST /faq/entries', call: post(() => '/api/faq/entries', FAQ_BODY), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'POST /faq/entries/from-question', call: (c, f, http) => (c ? c.post('/api/faq/entries/from-question') : anon(http).post('/api/faq/entries/from-question')).send({ projectId: f.projectId, questionId: f.questionId }), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'POST /faq/proposals', call: post(() => '/api/faq/proposals', { question: 'Proposition de la matrice ?', answer: 'Réponse.', category: 'autre', keywords: [] }), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'denied', 'denied', 'denied', 'denied', 'denied') },
  { endpoint: 'PUT /faq/entries/:id', call: put(() => `/api/faq/entries/${FAQ.archived}`, FAQ_BODY), expect: row('login', 'hidden', 'hidden', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'hidden', 'denied') },
  { endpoint: 'POST /faq/entries/:id/publication (publiée)', call: post(() => `/api/faq/entries/${FAQ.published}/publication`), expect: row('login', 'denied', 'denied', 'denied', 'denied', 'ok', 'ok', 'denied', 'denied', 'denied') },
  { endpoint: 'POST /faq/entries/:id/publication (archivée)', call: post(() => `/api/faq/entries/${FAQ.archived}/publication`), expect: row('login', 'hidden', 'hidden', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'hidden', 'denied') },
  { endpoint: 'POST /faq/entries/:id/unpublication', call: post(() => `/api/faq/entries/${FAQ.archived}/unpublication`, { reason: 'Erreur' }), expect: row('login', 'hidden', 'hidden', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'hidden', 'denied') },
  { endpoint: 'POST /faq/entries/:id/archive', call: post(() => `/api/faq/entries/${FAQ.archived}/archive`, {}), expect: row('login', 'hidden', 'hidden', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'hidden', 'denied') },
  { endpoint: 'POST /faq/entries/:id/decline', call: post(() => `/api/faq/entries/${FAQ.archived}/decline`, { reason: 'Doublon' }), expect: row('login', 'hidden', 'hidden', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'hidden', 'denied') },
  { endpoint: 'POST /faq/entries/:id/verification', call: post(() => `/api/faq/entries/${FAQ.archived}/verification`), expect: row('login', 'hidden', 'hidden', 'hidden', 'hidden', 'ok', 'ok', 'hidden', 'hidden', 'denied') },
  { endpoint: 'PUT /faq/entries/:id/vote', call: put(() => `/api/faq/entries/${FAQ.published}/vote`, { useful: true }), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'denied') },
  { endpoint: 'POST /faq/entries/:id/openings', call: post(() => `/api/faq/entries/${FAQ.published}/openings`), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'denied') },
  { endpoint: 'POST /faq/asking/:a/openings', call: (c, f, http) => (c ? c.post(`/api/faq/asking/${f.projectId}/openings`) : anon(http).post(`/api/faq/asking/${f.projectId}/openings`)).send({ projectId: f.projectId, entryId: FAQ.published }), expect: row('login', 'ok', 'ok', 'hidden', 'hidden', 'denied', 'denied', 'denied', 'denied', 'denied') },
  { endpoint: 'POST /faq/asking/:a/abandon', call: post((f) => `/api/faq/asking/${f.projectId}/abandon`), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'denied', 'denied', 'denied', 'denied', 'denied'),
    // A commune member's own abandoned question (its id is theirs), as for the mayor of another commune.
    yvelines: { 'maire 78': 'ok' } },
  { endpoint: 'GET /public/v1/faq', call: get(() => '/api/public/v1/faq?q=matrice'), expect: row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
  { endpoint: 'PUT /me/role-form', call: put(() => '/api/me/role-form', { roleForm: 'feminine' }), expect: row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok') },
];

function outcomeOf(status: number): Outcome | `unexpected ${number}` {
  if (status === 401) return 'login';
  if (status === 403) return 'denied';
  if (status === 404) return 'hidden';
  if ((status >= 200 && status < 300) || status === 409 || status === 422) return 'ok';
  return `unexpected ${status}`;
}

/*
 * The rules are the same whatever the engines: the matrix (≈ 550 fixture projects) runs with the
 * embedded engines in `npm test`. On FerretDB (`npm run test:mongo`), where each write is far slower,
 * the other e2e suites prove the read models; the matrix is left out there.
 */
const onEmbeddedEngines = !process.env.MONGO_URL && !process.env.KURRENTDB_URL;

(onEmbeddedEngines ? describe : describe.skip)('Access control matrix', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  const clients = new Map<Who, Client>();
  let agent: Client;
  let adjoint: Client;

  beforeAll(async () => {
    t = await startApp({ departements: ['95', '78'], departement: '95' });
    for (const [who, persona] of Object.entries(PERSONA)) clients.set(who as Who, await t.login(persona));
    agent = clients.get('agent')!;
    adjoint = clients.get('adjoint A')!;
    const entry = async () => (await agent.post('/api/faq/entries').send(FAQ_BODY).expect(201)).body.id as string;
    [FAQ.published, FAQ.draft, FAQ.archived] = [await entry(), await entry(), await entry()];
    await agent.post(`/api/faq/entries/${FAQ.published}/publication`).expect(200);
    await agent.post(`/api/faq/entries/${FAQ.archived}/archive`).send({}).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A fresh unpublished project of commune A with one question; involved with the CAUE when asked. */
  async function fixture(involvePartner: boolean, title = 'Projet de la matrice'): Promise<Fixture> {
    const created = await adjoint.post('/api/projects').send(newProject({ title }));
    const projectId = created.body.id as string;
    await adjoint.post(`/api/projects/${projectId}/questions`).send({ category: 'financement', text: 'Quelles aides ?' });
    const documentId = (await adjoint.post(`/api/projects/${projectId}/documents`).field('title', 'Devis').attach('file', PDF, 'devis.pdf').expect(201)).body.documentId as string;
    if (involvePartner) await agent.post(`/api/projects/${projectId}/partners`).send({ organisationId: 'org-caue-95' }).expect(201);
    const detail = await adjoint.get(`/api/projects/${projectId}?minPosition=${(await request(t.http).get('/api/health')).body.logPosition}`);
    return { projectId, questionId: detail.body.questions[0].id, documentId };
  }

  for (const { endpoint, call, expect: ofValDOise, yvelines, setup } of MATRIX) {
    const expected: Record<Who, Outcome> = { ...ofValDOise, ...yvelinesColumns(endpoint, ofValDOise), ...yvelines };
    describe(endpoint, () => {
      it('answers each role as the access rules say', async () => {
        const seen: Record<string, string> = {};
        for (const who of WHO) {
          const f = await fixture(who === 'partenaire associé');
          if (setup) Object.assign(f, await setup(adjoint, f));
          const client = who === 'anonyme' ? null : who === 'partenaire associé' ? clients.get('partenaire')! : clients.get(who)!;
          const res = await call(client, f, t.http);
          const outcome = outcomeOf(res.status);
          seen[who] =
            expected[who] === 'refused' && (outcome === 'denied' || outcome === 'hidden')
              ? 'refused'
              : expected[who] === 'not theirs' && res.status === 422 && res.body?.errors?.[0]?.field === 'codeInsee'
                ? 'not theirs'
                : outcome;
          if (res.status >= 400) expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        }
        expect(seen).toEqual(expected);
      });
    });
  }

  describe('lists and search', () => {
    it('never show another commune’s unpublished project, by list, filter or search', async () => {
      // A title of its own: the matrix above creates hundreds of « Projet de la matrice ».
      const title = 'Projet unique de la recherche croisée';
      const f = await fixture(false, title);
      const query = `/api/projects?q=${encodeURIComponent(title)}&limit=200`;
      const visible = async (c: Client | null, path: string) =>
        ((await (c ? c.get(path) : request(t.http).get(path))).body.items as Array<{ id: string }>).some((p) => p.id === f.projectId);
      expect(await visible(clients.get('adjoint A')!, query)).toBe(true);
      expect(await visible(clients.get('agent')!, query)).toBe(true);
      expect(await visible(clients.get('auditeur')!, query)).toBe(true);
      for (const who of ['maire B', 'secrétaire B', 'partenaire', 'maire 78', 'agent 78', 'admin 78', 'auditeur 78'] as Who[]) {
        expect(await visible(clients.get(who)!, query)).toBe(false);
        expect(await visible(clients.get(who)!, `${query}&commune=95002`)).toBe(false);
      }
      expect(await visible(null, query)).toBe(false);
      expect(await visible(null, `${query}&commune=95002`)).toBe(false);
      // The full-text search follows the same rules.
      const position = (await request(t.http).get('/api/health')).body.logPosition;
      const searchPath = `/api/search?q=${encodeURIComponent(title)}&limit=100&minPosition=${position}`;
      const found = async (c: Client | null, path: string) =>
        ((await (c ? c.get(path) : request(t.http).get(path))).body.items as Array<{ projectId: string }>).some((r) => r.projectId === f.projectId);
      for (const who of ['adjoint A', 'agent', 'auditeur'] as Who[]) expect(await found(clients.get(who)!, searchPath)).toBe(true);
      for (const who of ['maire B', 'secrétaire B', 'partenaire', 'maire 78', 'agent 78', 'admin 78', 'auditeur 78'] as Who[]) {
        expect(await found(clients.get(who)!, searchPath)).toBe(false);
        expect(await found(clients.get(who)!, `${searchPath}&commune=95002`)).toBe(false);
      }
      expect(await found(null, searchPath)).toBe(false);
    });

    it('never show a published project’s live page outside the project: the public reads the approved version on the portal', async () => {
      const maire = clients.get('maire A')!;
      const created = await maire.post('/api/projects').send(newProject({ title: 'Projet publié de la matrice' }));
      const id = created.body.id;
      await maire.post(`/api/projects/${id}/step`).send({ step: 'termine', progress: 100 }).expect(200);
      const requested = await maire.post(`/api/projects/${id}/publication-request`).send({ title: 'Bilan public', summary: 'Bilan' }).expect(200);
      const work = (await maire.get(`/api/projects/${id}?minPosition=${requested.body.position}`).expect(200)).body.publicationWork;
      const published = await maire.post(`/api/projects/${id}/publication`).send({ version: work.latest.version, fingerprint: work.latest.fingerprint }).expect(200);
      expect((await maire.get(`/api/projects/${id}?minPosition=${published.body.position}`).expect(200)).body.publication).toBe('published');
      expect((await request(t.http).get(`/api/projects/${id}`)).status).toBe(404);
      expect((await clients.get('maire B')!.get(`/api/projects/${id}`)).status).toBe(404);
      const list = await clients.get('maire B')!.get(`/api/projects?commune=95002&q=${encodeURIComponent('Projet publié')}`);
      expect(list.body.items).toEqual([]);
    });
  });
});
