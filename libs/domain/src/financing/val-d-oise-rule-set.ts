import type { RuleSetContent } from './rule-set.js';

/*
 * The starting rule set of the Val d'Oise, built from public sources (see FINANCING.md of the
 * project brief). Every number is data: the Département publishes a new version to change it.
 * Values nobody could confirm carry `meta: { 'à valider': true }`, shown « à valider par le
 * Département ».
 */

const TO_VALIDATE = { 'à valider': true };
const CGCT_L1111_10 = { 'CGCT, art. L1111-10': 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000049386040' };

export const VAL_D_OISE_STARTING_RULE_SET: RuleSetContent = {
  title: 'Règles de départ du Val-d’Oise (à valider par le Département)',
  effectiveFrom: '2026-01-01',
  sources: [
    'CGCT, art. L1111-9 et L1111-10 (participation minimale du maître d’ouvrage)',
    'Loi n° 2024-279 du 29 mars 2024 (rénovation énergétique des bâtiments scolaires)',
    'Décret n° 2018-514 du 25 juin 2018, art. 10 (plafond de 100 % des aides publiques)',
    'CGCT, art. L1615-1 et suivants (FCTVA, taux de 16,404 %)',
    'Région Île-de-France et Département du Val-d’Oise : contrat rural (plafond 370 000 € HT, 40 % + 30 %)',
  ],
  note: 'Première version, à partir des textes publics. Les catégories et taux de la DETR, les taux de la DSIL, du Fonds vert et du fonds « Val-d’Oise Territoires » sont à saisir par le Département.',
  schemes: [
    { id: 'contrat_rural_region', label: 'Contrat rural — Région Île-de-France', funder: 'region', level: 'collectivite', rules: 'contrat rural . région' },
    { id: 'contrat_rural_departement', label: 'Contrat rural — Département du Val-d’Oise', funder: 'departement', level: 'collectivite', rules: 'contrat rural . département' },
    { id: 'val_d_oise_territoires', label: 'Fonds « Val-d’Oise Territoires » (Département)', funder: 'departement', level: 'collectivite', rules: 'val d oise territoires' },
    { id: 'detr', label: 'DETR (État, préfet du Val-d’Oise)', funder: 'etat', level: 'etat', rules: 'DETR' },
    { id: 'dsil', label: 'DSIL (État, préfet de région)', funder: 'etat', level: 'etat', rules: 'DSIL' },
    { id: 'fonds_vert', label: 'Fonds vert (État)', funder: 'etat', level: 'etat', rules: 'fonds vert' },
  ],
  rules: {
    commune: { titre: 'Commune' },
    'commune . population': { titre: 'Population de la commune (INSEE)', valeur: 0 },
    projet: { titre: 'Projet' },
    'projet . coût HT': { titre: 'Coût des travaux HT', valeur: 0 },
    'projet . coût TTC': { titre: 'Coût des travaux TTC', valeur: 0 },
    'projet . financement privé': { titre: 'Financement privé (mécénat, dons)', valeur: 0 },
    'projet . catégorie': { titre: 'Catégorie de travaux', valeur: "'autre'" },
    'projet . dérogation école': { titre: 'Dérogation du préfet (rénovation énergétique d’une école)', valeur: 'non' },
    'projet . chef de file': { titre: 'Compétence dont la commune est chef de file', valeur: 'non' },
    'projet . aides obtenues': { titre: 'Aides déjà obtenues' },
    'projet . aides obtenues . État': { titre: 'Aides de l’État déjà obtenues', valeur: 0 },
    'projet . aides obtenues . autres': { titre: 'Autres aides publiques déjà obtenues', valeur: 0 },
    'projet . rénovation énergétique': {
      titre: 'Travaux de rénovation énergétique',
      'une de ces conditions': ["projet . catégorie = 'renovation_energetique_ecole'", "projet . catégorie = 'renovation_energetique_batiment'"],
    },

    autofinancement: { titre: 'Autofinancement' },
    'autofinancement . taux minimum': {
      titre: 'Part minimale de la commune',
      variations: [
        { si: 'projet . chef de file', alors: '30%' },
        { si: { 'toutes ces conditions': ['projet . dérogation école', "projet . catégorie = 'renovation_energetique_ecole'"] }, alors: '10%' },
        { sinon: '20%' },
      ],
      références: { ...CGCT_L1111_10, 'Loi n° 2024-279 du 29 mars 2024': 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000049352236' },
    },
    'autofinancement . assiette': {
      titre: 'Financements publics du projet (coût HT hors financement privé)',
      valeur: 'projet . coût HT - projet . financement privé',
      références: CGCT_L1111_10,
    },

    aides: { titre: 'Aides publiques' },
    'aides . plafond règle autofinancement': {
      titre: 'Plafond des aides publiques (règle d’autofinancement)',
      valeur: '(100% - autofinancement . taux minimum) * autofinancement . assiette',
      références: CGCT_L1111_10,
    },
    'aides . plafond total': {
      titre: 'Plafond de 100 % de la dépense subventionnable',
      valeur: 'autofinancement . assiette',
      références: { 'Décret n° 2018-514, art. 10': 'https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000037093512' },
    },
    'aides . plafond applicable': { titre: 'Plafond des aides publiques', valeur: 'aides . plafond règle autofinancement', plafond: 'aides . plafond total' },
    'aides . collectivités': {
      titre: 'Aides des collectivités et autres aides publiques',
      somme: ['contrat rural . région . maximum', 'contrat rural . département . maximum', 'val d oise territoires . maximum', 'projet . aides obtenues . autres'],
    },
    'aides . marge État': {
      titre: 'Aide de l’État encore possible',
      valeur: 'aides . plafond applicable - aides . collectivités - projet . aides obtenues . État',
      plancher: 0,
    },

    'contrat rural': { titre: 'Contrat rural (Région et Département)' },
    'contrat rural . seuil de population': { titre: 'Population maximale du contrat rural', valeur: 2000 },
    'contrat rural . éligible': { titre: 'Commune éligible au contrat rural', valeur: 'commune . population < contrat rural . seuil de population' },
    'contrat rural . plafond subventionnable': {
      titre: 'Plafond subventionnable du contrat rural (HT)',
      valeur: 370000,
      note: 'Une fiche publique indique 500 000 € : plafond à confirmer par le Département.',
      meta: TO_VALIDATE,
    },
    'contrat rural . assiette': {
      titre: 'Dépense subventionnable du contrat rural',
      valeur: 'projet . coût HT - projet . financement privé',
      plafond: 'contrat rural . plafond subventionnable',
    },
    'contrat rural . région': { titre: 'Contrat rural — part de la Région' },
    'contrat rural . région . taux': { titre: 'Taux de la Région', valeur: '40%' },
    'contrat rural . région . éligible': { valeur: 'contrat rural . éligible' },
    'contrat rural . région . motif': {
      variations: [{ si: 'contrat rural . éligible', alors: "'Commune de moins de 2 000 habitants : contrat rural sur 3 ans'" }, { sinon: "'Réservé aux communes de moins de 2 000 habitants'" }],
    },
    'contrat rural . région . minimum': { 'applicable si': 'contrat rural . éligible', valeur: 'contrat rural . assiette * contrat rural . région . taux' },
    'contrat rural . région . maximum': { 'applicable si': 'contrat rural . éligible', valeur: 'contrat rural . assiette * contrat rural . région . taux' },
    'contrat rural . département': { titre: 'Contrat rural — part du Département' },
    'contrat rural . département . taux': { titre: 'Taux du Département', valeur: '30%' },
    'contrat rural . département . éligible': { valeur: 'contrat rural . éligible' },
    'contrat rural . département . motif': {
      variations: [{ si: 'contrat rural . éligible', alors: "'Commune de moins de 2 000 habitants : contrat rural sur 3 ans'" }, { sinon: "'Réservé aux communes de moins de 2 000 habitants'" }],
    },
    'contrat rural . département . minimum': { 'applicable si': 'contrat rural . éligible', valeur: 'contrat rural . assiette * contrat rural . département . taux' },
    'contrat rural . département . maximum': { 'applicable si': 'contrat rural . éligible', valeur: 'contrat rural . assiette * contrat rural . département . taux' },

    'val d oise territoires': { titre: 'Fonds « Val-d’Oise Territoires »' },
    'val d oise territoires . taux': {
      titre: 'Taux du fonds « Val-d’Oise Territoires »',
      valeur: '0%',
      note: 'Taux modulés selon le potentiel financier de la commune : à saisir par le Département.',
      meta: TO_VALIDATE,
    },
    'val d oise territoires . éligible': { valeur: 'oui' },
    'val d oise territoires . motif': { valeur: "'Communes du Val-d’Oise ; taux selon le potentiel financier, à valider par le Département'" },
    'val d oise territoires . minimum': { valeur: '(projet . coût HT - projet . financement privé) * val d oise territoires . taux' },
    'val d oise territoires . maximum': { valeur: '(projet . coût HT - projet . financement privé) * val d oise territoires . taux' },

    DETR: { titre: 'DETR' },
    'DETR . seuil de population': { titre: 'Population maximale pour la DETR', valeur: 2000 },
    'DETR . éligible': { titre: 'Commune éligible à la DETR', valeur: 'commune . population <= DETR . seuil de population' },
    'DETR . motif': {
      variations: [
        { si: 'DETR . éligible', alors: "'Commune de 2 000 habitants au plus'" },
        { sinon: "'Communes de 2 000 habitants au plus (jusqu’à 20 000 avec un faible potentiel financier : à vérifier avec la préfecture)'" },
      ],
    },
    'DETR . taux minimum': {
      titre: 'Taux minimal de la DETR',
      valeur: '20%',
      note: 'Catégories et taux de la circulaire préfectorale de l’année : à valider par le Département.',
      meta: TO_VALIDATE,
    },
    'DETR . taux maximum': { titre: 'Taux maximal de la DETR', valeur: '80%', meta: TO_VALIDATE },
    'DETR . assiette': { titre: 'Dépense subventionnable (HT)', valeur: 'projet . coût HT - projet . financement privé' },
    'DETR . plafond propre': { titre: 'DETR au taux maximal', valeur: 'DETR . assiette * DETR . taux maximum' },
    'DETR . minimum': { 'applicable si': 'DETR . éligible', valeur: 'DETR . assiette * DETR . taux minimum', plafond: 'aides . marge État' },
    'DETR . maximum': { 'applicable si': 'DETR . éligible', valeur: 'DETR . plafond propre', plafond: 'aides . marge État' },

    DSIL: { titre: 'DSIL' },
    'DSIL . priorité': {
      titre: 'Travaux prioritaires de la DSIL',
      'une de ces conditions': [
        'projet . rénovation énergétique',
        "projet . catégorie = 'ecole_autres_travaux'",
        "projet . catégorie = 'voirie_mobilite'",
        "projet . catégorie = 'equipement_sport_culture'",
      ],
    },
    'DSIL . éligible': { valeur: 'DSIL . priorité' },
    'DSIL . motif': {
      variations: [{ si: 'DSIL . priorité', alors: "'Toutes les communes ; travaux prioritaires (rénovation énergétique, écoles, mobilité, équipements)'" }, { sinon: "'Ces travaux ne font pas partie des priorités de la DSIL'" }],
    },
    'DSIL . taux maximum': { titre: 'Taux maximal de la DSIL', valeur: '100%', note: 'Taux fixés au cas par cas par le préfet de région.', meta: TO_VALIDATE },
    'DSIL . minimum': { valeur: 0 },
    'DSIL . plafond propre': { titre: 'DSIL au taux maximal', valeur: '(projet . coût HT - projet . financement privé) * DSIL . taux maximum' },
    'DSIL . maximum': { 'applicable si': 'DSIL . éligible', valeur: 'DSIL . plafond propre', plafond: 'aides . marge État' },

    'fonds vert': { titre: 'Fonds vert' },
    'fonds vert . mesure': {
      titre: 'Mesure du Fonds vert',
      'une de ces conditions': ['projet . rénovation énergétique', "projet . catégorie = 'eclairage_public'", "projet . catégorie = 'renaturation'"],
    },
    'fonds vert . éligible': { valeur: 'fonds vert . mesure' },
    'fonds vert . motif': {
      variations: [
        { si: 'fonds vert . mesure', alors: "'Mesure du Fonds vert (rénovation énergétique, éclairage public ou renaturation)'" },
        { sinon: "'Ces travaux ne relèvent d’aucune mesure du Fonds vert'" },
      ],
    },
    'fonds vert . taux maximum': { titre: 'Taux maximal du Fonds vert', valeur: '100%', note: 'Taux par mesure non connus.', meta: TO_VALIDATE },
    'fonds vert . minimum': { valeur: 0 },
    'fonds vert . plafond propre': { titre: 'Fonds vert au taux maximal', valeur: '(projet . coût HT - projet . financement privé) * fonds vert . taux maximum' },
    'fonds vert . maximum': { 'applicable si': 'fonds vert . éligible', valeur: 'fonds vert . plafond propre', plafond: 'aides . marge État' },

    fctva: { titre: 'FCTVA attendu (remboursement, hors règle des 20 %)', valeur: 'projet . coût TTC * fctva . taux', références: { 'CGCT, art. L1615-1': 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006192431' } },
    'fctva . taux': { titre: 'Taux du FCTVA', valeur: '16.404%' },
  },
};

/** The rules that belong to the Val d'Oise and to the Région Île-de-France: left out of another Département's starting set. */
const LOCAL_RULES = /^(contrat rural|val d oise territoires)( \.|$)/;

/**
 * The starting rule set of another Département served by the instance (issue #17): the same national rules
 * (the commune's minimum share, the 100 % ceiling, FCTVA) and State schemes (DETR, DSIL, Fonds vert) as the Val
 * d'Oise's, without its own fund nor the Île-de-France contrat rural. « À valider » as the Val d'Oise's: the
 * Département adds its own aids and its Région's, and sets the préfecture's DETR rates, by publishing a version 2.
 * `of` is the Département's name in its « de » form (« des Yvelines »).
 */
export function nationalStartingRuleSet(of: string): RuleSetContent {
  const start = VAL_D_OISE_STARTING_RULE_SET;
  const rules = Object.fromEntries(Object.entries(start.rules).filter(([key]) => !LOCAL_RULES.test(key)));
  rules['aides . collectivités'] = { ...(start.rules['aides . collectivités'] as Record<string, unknown>), somme: ['projet . aides obtenues . autres'] };
  return {
    title: `Règles de départ ${of} (à valider par le Département)`,
    effectiveFrom: start.effectiveFrom,
    sources: start.sources.filter((source) => !/contrat rural/.test(source)),
    note: `Première version, à partir des textes publics : les règles nationales et les aides de l’État. Les aides du Département ${of} et celles de sa Région, les catégories et taux de la DETR, les taux de la DSIL et du Fonds vert sont à saisir par le Département.`,
    schemes: start.schemes
      .filter((scheme) => scheme.funder === 'etat')
      .map((scheme) => (scheme.id === 'detr' ? { ...scheme, label: `DETR (État, préfet ${of})` } : scheme)),
    rules,
  };
}
