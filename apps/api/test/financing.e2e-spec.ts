import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VAL_D_OISE_STARTING_RULE_SET } from '@carnet/domain';
import { CLOCK } from '../src/infrastructure/tokens.js';
import type { SettableClock } from '../src/infrastructure/settable-clock.js';
import { AGENT, AUDITEUR, MAIRE_ABLEIGES, MAIRE_NESLES, newProject, startApp, type Client } from './harness.js';

const ADMIN = 'persona-admin';
const PARTNER = 'persona-caue';

/** The worked example of the financing brief, as a commune would type it. */
const SCHOOL = { category: 'renovation_energetique_ecole', costHtCents: 300_000_00, costTtcCents: 360_000_00 };
type Scheme = { scheme: string; eligible: boolean; minCents: number; maxCents: number; reason: string; explanation: Array<{ label: string; value: string }> };
const scheme = (body: { outputs: { schemes: Scheme[] } }, id: string) => body.outputs.schemes.find((s) => s.scheme === id)!;

describe('Financing plan and subsidy simulator', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let maire: Client;
  let agent: Client;
  let admin: Client;
  let auditeur: Client;
  let autreMaire: Client;
  let partenaire: Client;
  let clock: SettableClock;
  let projectId: string;
  let position = 0;
  const plan = (c: Client) => c.get(`/api/projects/${projectId}/financing?minPosition=${position}`);
  /** Moves the app's clock (sessions expire with it: everybody logs in again). */
  const at = async (iso: string) => {
    clock.set(new Date(iso));
    [maire, agent, admin, auditeur, autreMaire, partenaire] = await Promise.all([MAIRE_ABLEIGES, AGENT, ADMIN, AUDITEUR, MAIRE_NESLES, PARTNER].map((p) => t.login(p)));
  };

  beforeAll(async () => {
    t = await startApp();
    clock = t.app.get<SettableClock>(CLOCK);
    await at('2027-03-01T09:00:00.000Z');
    const created = await maire.post('/api/projects').send(newProject({ title: 'Rénovation énergétique de l’école', estimatedCostHt: 300000 })).expect(201);
    projectId = created.body.id;
    position = created.body.position;
  });
  afterAll(async () => {
    clock.set(null);
    await t.close();
  });

  describe('when a commune of fewer than 2 000 inhabitants estimates its school’s energy renovation (300 000 € HT)', () => {
    it('gets the contrat rural (210 000 €), at most 30 000 € of State aid, a share of 60 000 € and 59 054 € of FCTVA, with the binding rule named', async () => {
      // Piscop: 768 inhabitants (INSEE), chosen by an agent from scratch.
      const res = await agent.post('/api/financing/simulate').send({ codeInsee: '95489', ...SCHOOL }).expect(200);
      expect(res.body.inputs).toMatchObject({ communeName: 'Piscop', population: 768 });
      expect(scheme(res.body, 'contrat_rural_region')).toMatchObject({ eligible: true, minCents: 120_000_00, maxCents: 120_000_00 });
      expect(scheme(res.body, 'contrat_rural_departement')).toMatchObject({ eligible: true, maxCents: 90_000_00 });
      expect(scheme(res.body, 'detr')).toMatchObject({ eligible: true, minCents: 30_000_00, maxCents: 30_000_00 });
      expect(res.body.outputs).toMatchObject({
        stateRoomCents: 30_000_00,
        communeShareCents: 60_000_00,
        fctvaCents: 59_054_00,
        binding: { rule: 'autofinancement_minimum', message: 'Vous atteignez la règle des 20 % d’autofinancement : au plus 30 000 € d’aide de l’État.' },
        ruleSet: { id: '95', version: 1, effectiveFrom: '2026-01-01' },
        notice: 'Estimation non contractuelle : seuls les financeurs décident de leurs aides.',
      });
      expect(scheme(res.body, 'detr').explanation.map((s) => `${s.label} = ${s.value}`)).toContain('Aide de l’État encore possible = 30 000 €');
    });

    it('fits a DETR of 60 000 € with the prefect’s derogation', async () => {
      const res = await maire.post('/api/financing/simulate').send({ ...SCHOOL, schoolDerogation: true }).expect(200);
      expect(res.body.inputs.communeName).toBe('Ableiges');
      expect(scheme(res.body, 'detr')).toMatchObject({ minCents: 60_000_00, maxCents: 60_000_00 });
      expect(res.body.outputs.communeShareCents).toBe(30_000_00);
    });

    it('refuses unknown fields and a non-integer amount with a French problem', async () => {
      const res = await maire.post('/api/financing/simulate').send({ ...SCHOOL, costHtCents: 12.5, surprise: 1 }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { message: string }) => e.message)).toEqual(expect.arrayContaining(['Le champ « surprise » n’est pas accepté.', 'Le coût HT doit être un nombre entier de centimes.']));
    });
  });

  describe('the financing plan of a project', () => {
    let detr: string;
    let region: string;
    it('takes the cost and requested lines, and flags a plan that breaks the 20 % rule', async () => {
      position = (await maire.post(`/api/projects/${projectId}/financing/cost`).send({ costHtCents: 300_000_00, costTtcCents: 360_000_00 }).expect(200)).body.position;
      for (const [funder, schemeId, label, amountCents] of [
        ['region', 'contrat_rural_region', 'Contrat rural — Région', 120_000_00],
        ['departement', 'contrat_rural_departement', 'Contrat rural — Département', 90_000_00],
        ['etat', 'detr', 'DETR 2027', 60_000_00],
      ] as const) {
        position = (await maire.post(`/api/projects/${projectId}/financing/lines`).send({ funder, scheme: schemeId, label, amountCents, base: 'HT', requestedOn: '2027-03-01' }).expect(200)).body.position;
      }
      const res = await plan(maire).expect(200);
      detr = res.body.lines.find((l: { scheme: string }) => l.scheme === 'detr').id;
      region = res.body.lines.find((l: { scheme: string }) => l.scheme === 'contrat_rural_region').id;
      expect(res.body.checks).toMatchObject({ publicAidCents: 270_000_00, ownShareCents: 30_000_00, ownSharePercent: 10, minOwnSharePercent: 20, fctvaCents: 59_054_00, gapCents: 30_000_00 });
      expect(res.body.checks.warnings).toEqual([
        {
          rule: 'autofinancement_minimum',
          byCents: 30_000_00,
          message: 'La part de la commune (30 000 €) est sous son minimum : 20 % du coût hors financements privés, soit 60 000 €. Il manque 30 000 € d’autofinancement (article L1111-10 du code général des collectivités territoriales).',
        },
      ]);
    });

    it('no longer flags it once the Département records the prefect’s school derogation', async () => {
      await maire.post(`/api/projects/${projectId}/financing/own-share-rule`).send({ rule: 'derogation_ecole', reason: 'Arrêté du préfet' }).expect(403);
      position = (await agent.post(`/api/projects/${projectId}/financing/own-share-rule`).send({ rule: 'derogation_ecole', reason: 'Arrêté du préfet du 28/02/2027' }).expect(200)).body.position;
      const res = await plan(maire).expect(200);
      expect(res.body.checks).toMatchObject({ ownShareRule: 'derogation_ecole', minOwnSharePercent: 10, warnings: [] });
      expect(res.body.ownShareReason).toBe('Arrêté du préfet du 28/02/2027');
    });

    it('refuses a payment above the granted amount with a clear problem', async () => {
      await at('2027-03-10T09:00:00.000Z');
      position = (await agent.post(`/api/projects/${projectId}/financing/lines/${detr}/grant`).send({ amountCents: 50_000_00, grantedOn: '2027-03-10', decisionReference: 'Arrêté préfectoral n° 2027-41' }).expect(200)).body.position;
      await at('2027-03-20T09:00:00.000Z');
      position = (await maire.post(`/api/projects/${projectId}/financing/lines/${detr}/payments`).send({ kind: 'acompte', amountCents: 20_000_00, paidOn: '2027-03-20' }).expect(200)).body.position;
      const res = await maire.post(`/api/projects/${projectId}/financing/lines/${detr}/payments`).send({ kind: 'solde', amountCents: 40_000_00, paidOn: '2027-03-20' }).expect(422);
      expect(res.body.title).toBe('Ce versement de 40 000 € porterait le total versé à 60 000 €, au-delà des 50 000 € accordés. Vérifiez le montant, ou révisez d’abord le montant accordé.');
    });

    it('refuses to grant a line the funder refused', async () => {
      position = (await maire.post(`/api/projects/${projectId}/financing/lines/${region}/refusal`).send({ refusedOn: '2027-03-20', reason: 'Programme complet cette année' }).expect(200)).body.position;
      const res = await agent.post(`/api/projects/${projectId}/financing/lines/${region}/grant`).send({ amountCents: 1_00, grantedOn: '2027-03-20', decisionReference: 'X' }).expect(409);
      expect(res.body.title).toBe('Ce financement a été refusé le 20/03/2027 : il ne peut plus être accordé. Enregistrez une nouvelle demande si le financeur réexamine le dossier.');
    });

    it('answers 409 to an edit made on an old version (If-Match)', async () => {
      const res = await maire.post(`/api/projects/${projectId}/financing/cost`).set('If-Match', '"2"').send({ costHtCents: 310_000_00, costTtcCents: 372_000_00 }).expect(409);
      expect(res.body.title).toBe('Ce projet a été modifié entre-temps');
    });

    it('shows each step of a line with its author, and the project history in French', async () => {
      const res = await plan(maire).expect(200);
      const line = res.body.lines.find((l: { id: string }) => l.id === detr);
      expect(line).toMatchObject({ status: 'accordee', grantedCents: 50_000_00, paidCents: 20_000_00, decisionReference: 'Arrêté préfectoral n° 2027-41' });
      expect(line.steps.map((s: { summary: string; by: { name: string } }) => `${s.summary} — ${s.by.name}`)).toEqual([
        'Demandée : 60 000 € HT le 01/03/2027 — Claire Martin',
        'Accordée : 50 000 € le 10/03/2027 (Arrêté préfectoral n° 2027-41) — Sophie Bernard',
        'Acompte versé : 20 000 € le 20/03/2027 — Claire Martin',
      ]);
      const history = await maire.get(`/api/projects/${projectId}/history?minPosition=${position}`).expect(200);
      const summaries = history.body.map((h: { summary: string }) => h.summary);
      expect(summaries).toEqual(expect.arrayContaining(['Financement accordé : 50 000 € le 10/03/2027 — décision : Arrêté préfectoral n° 2027-41', 'Financement refusé le 20/03/2027 — motif : Programme complet cette année']));
      expect(summaries.filter((s: string) => /^[A-Z][a-z]+[A-Z]/.test(s))).toEqual([]); // no raw event name
    });

    it('is read by auditors and involved partners only, and changed by neither', async () => {
      await plan(auditeur).expect(200);
      await auditeur.post(`/api/projects/${projectId}/financing/cost`).send({ costHtCents: 1_00, costTtcCents: 1_00 }).expect(403);
      await plan(autreMaire).expect(404);
      await plan(partenaire).expect(404);
      position = (await agent.post(`/api/projects/${projectId}/partners`).send({ organisationId: 'org-caue-95' }).expect(201)).body.position;
      expect((await plan(partenaire).expect(200)).body.canEdit).toBe(false);
      await partenaire.post(`/api/projects/${projectId}/financing/cost`).send({ costHtCents: 1_00, costTtcCents: 1_00 }).expect(403);
    });
  });

  describe('a saved estimate', () => {
    let simulationId: string;
    it('is kept on the project with its inputs, rule set version and outputs, and turns into requested lines', async () => {
      await at('2027-03-21T09:00:00.000Z');
      position = (await maire.post(`/api/projects/${projectId}/financing/simulations`).send(SCHOOL).expect(200)).body.position;
      const res = await plan(maire).expect(200);
      simulationId = res.body.simulations[0].id;
      expect(res.body.simulations[0]).toMatchObject({ ruleSetVersion: 1, inputs: { communeName: 'Ableiges', population: 1108 }, outputs: { stateRoomCents: 30_000_00 }, by: { name: 'Claire Martin' } });
      position = (await maire.post(`/api/projects/${projectId}/financing/simulations/${simulationId}/request-lines`).send({ requestedOn: '2027-03-21' }).expect(200)).body.position;
      const lines = (await plan(maire).expect(200)).body.lines.filter((l: { simulationId: string | null }) => l.simulationId === simulationId);
      expect(lines.map((l: { scheme: string; requestedCents: number }) => [l.scheme, l.requestedCents])).toEqual([
        ['contrat_rural_region', 120_000_00],
        ['contrat_rural_departement', 90_000_00],
        ['detr', 30_000_00],
      ]);
    });

    it('replays unchanged after the Département publishes new rules, while a new estimate uses them', async () => {
      const rules = { ...VAL_D_OISE_STARTING_RULE_SET.rules, 'contrat rural . région . taux': { titre: 'Taux de la Région', valeur: '50%' } };
      const denied = await agent.post('/api/financing/rule-sets').send({ ...VAL_D_OISE_STARTING_RULE_SET, rules });
      expect(denied.status).toBe(403);
      position = (await admin.post('/api/financing/rule-sets').send({ ...VAL_D_OISE_STARTING_RULE_SET, title: 'Règles 2026 révisées', effectiveFrom: '2027-03-21', note: 'Région à 50 %', rules }).expect(200)).body.position;
      const replay = await maire.get(`/api/projects/${projectId}/financing/simulations/${simulationId}/replay?minPosition=${position}`).expect(200);
      expect(replay.body.replayed).toEqual(replay.body.saved.outputs);
      expect(replay.body.identical).toBe(true);
      expect(replay.body.replayed.ruleSet.version).toBe(1);
      expect(scheme({ outputs: replay.body.replayed }, 'contrat_rural_region').maxCents).toBe(120_000_00);
      const fresh = await maire.post('/api/financing/simulate').send(SCHOOL).expect(200);
      expect(fresh.body.outputs.ruleSet.version).toBe(2);
      expect(scheme(fresh.body, 'contrat_rural_region').maxCents).toBe(150_000_00);
      const versions = await maire.get('/api/financing/rule-sets').expect(200);
      expect(versions.body.map((v: { version: number; publishedBy: { name: string } }) => [v.version, v.publishedBy.name])).toEqual([[2, 'Isabelle Moreau'], [1, 'Plateforme']]);
    });

    it('refuses a rule set whose rules do not read', async () => {
      const res = await admin.post('/api/financing/rule-sets').send({ ...VAL_D_OISE_STARTING_RULE_SET, rules: { ...VAL_D_OISE_STARTING_RULE_SET.rules, 'fctva . taux': { valeur: 'taux inconnu +' } } }).expect(422);
      expect(res.body.title).toMatch(/^Les règles ne se lisent pas/);
    });

    it('says in French what is wrong with a rule set’s fields (class-validator’s own messages are English)', async () => {
      const res = await admin.post('/api/financing/rule-sets').send({ ...VAL_D_OISE_STARTING_RULE_SET, sources: ['x'.repeat(501)], schemes: undefined }).expect(400);
      expect(res.body.errors).toEqual([
        { field: 'sources', message: 'Une source dépasse 500 caractères : raccourcissez-la (un titre et une référence suffisent).' },
        { field: 'schemes', message: expect.stringMatching(/^(Les dispositifs sont une liste\.|Décrivez au plus 50 dispositifs\.)$/) },
      ]);
    });
  });

  describe('an auditor', () => {
    it('replays the financing plan and the saved estimates as of any date', async () => {
      const before = await auditeur.get(`/api/audit/projects/${projectId}/financing?at=2027-03-05`).expect(200);
      expect(before.body.lines.map((l: { scheme: string; status: string }) => [l.scheme, l.status])).toEqual([
        ['contrat_rural_region', 'demandee'],
        ['contrat_rural_departement', 'demandee'],
        ['detr', 'demandee'],
      ]);
      expect(before.body.simulations).toEqual([]);
      const after = await auditeur.get(`/api/audit/projects/${projectId}/financing?at=2027-03-21T23:00:00Z`).expect(200);
      expect(after.body.lines.find((l: { scheme: string }) => l.scheme === 'detr')).toMatchObject({ status: 'accordee', paidCents: 20_000_00 });
      expect(after.body.simulations[0]).toMatchObject({ ruleSetVersion: 1, outputs: { communeShareCents: 60_000_00 } });
      await maire.get(`/api/audit/projects/${projectId}/financing?at=2027-03-05`).expect(403);
    });
  });

  describe('the Département’s dashboard and the projects export', () => {
    it('add funding per funder and year, the plans below the minimum own share, and each plan’s totals', async () => {
      // A second project whose plan breaks the 20 % rule.
      const other = (await maire.post('/api/projects').send(newProject({ title: 'Salle des fêtes' })).expect(201)).body.id;
      await maire.post(`/api/projects/${other}/financing/cost`).send({ costHtCents: 100_000_00, costTtcCents: 120_000_00 }).expect(200);
      position = (await maire.post(`/api/projects/${other}/financing/lines`).send({ funder: 'region', scheme: 'autre', label: 'Région', amountCents: 90_000_00, base: 'HT', requestedOn: '2027-03-21' }).expect(200)).body.position;
      const dashboard = await agent.get(`/api/dashboards/departement/financing?minPosition=${position}`).expect(200);
      expect(dashboard.body.breakingOwnShare).toContainEqual({ projectId: other, title: 'Salle des fêtes', communeName: 'Ableiges', ownSharePercent: 10, minOwnSharePercent: 20, missingCents: 10_000_00 });
      expect(dashboard.body.byFunderAndYear).toEqual(
        expect.arrayContaining([{ funder: 'etat', year: '2027', requestedCents: 90_000_00, grantedCents: 50_000_00, paidCents: 20_000_00 }]),
      );
      await maire.get('/api/dashboards/departement/financing').expect(403);
      const csv = await agent.get(`/api/projects/export.csv?commune=95002&minPosition=${position}`).expect(200);
      const line = csv.text.split('\r\n').find((l) => l.includes('Salle des fêtes'))!;
      expect(line.split(';').slice(-6)).toEqual(['100000', '90000', '0', '0', '10', 'Non']);
    });
  });

  describe('similar funded projects', () => {
    it('lists the Fonds vert 2023 grants of the same measure in the Val d’Oise, with median, range and source', async () => {
      const res = await maire.get('/api/financing/similar?category=renovation_energetique_ecole').expect(200);
      expect(res.body).toMatchObject({ measure: 'Rénovation énergétique des bâtiments publics locaux', source: 'Source : Ministère de la Transition écologique — Fonds vert 2023', medianCents: 202_117_00 });
      expect(res.body.grants).toHaveLength(56);
      await maire.get('/api/financing/similar?category=inconnue').expect(400);
    });
  });
});
