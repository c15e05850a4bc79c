/**
 * The legal pages every French public-sector site must show (accessibility statement, personal
 * data, legal notice), written once here and rendered by both the web app and the server-rendered
 * public portal, so that the two never say different things.
 *
 * The text is plain data: headings, paragraphs and lists made of text and links. A link either
 * goes outside (`href`, e.g. mailto: or the Défenseur des droits) or to another legal page
 * (`page`), which each renderer turns into its own address.
 */

export type LegalPageSlug = 'accessibilite' | 'donnees-personnelles' | 'mentions-legales';

/** A piece of a sentence: text, an outside link, or a link to another legal page. */
export type LegalInline = string | { text: string; href: string } | { text: string; page: LegalPageSlug };

export type LegalBlock = { paragraph: LegalInline[] } | { list: LegalInline[][] };

export interface LegalSection {
  heading: string;
  blocks: LegalBlock[];
}

export interface LegalPage {
  slug: LegalPageSlug;
  /** The page's h1 and (with the site's name) its title. */
  title: string;
  description: string;
  lead: string;
  sections: LegalSection[];
}

/** What the server tells the web app for these pages (`GET /api/site-info`). */
export interface SiteInfo {
  /** The Département's address for accessibility and personal-data requests (`CONTACT_EMAIL`). */
  contactEmail: string;
  /** Who hosts the service, as read in the legal notice after « hébergé par » (`HOSTED_BY`). */
  hostedBy: string;
  /**
   * Who publishes it: the Département(s) served (issue #17). Absent: the Val-d’Oise (a server of an
   * earlier version). `of` follows « Carnet de projets » and « communes » (« du Val-d’Oise »,
   * « du Val-d’Oise et des Yvelines »; empty for all of France).
   */
  publisher?: { name: string; of: string; plural: boolean };
}

const VAL_D_OISE = { name: 'Département du Val-d’Oise', of: 'du Val-d’Oise', plural: false };

/** RGAA conformance status: no audit has been carried out, so the platform cannot claim more. */
export const ACCESSIBILITY_STATUS = 'non conforme';

export const LEGAL_SLUGS: LegalPageSlug[] = ['accessibilite', 'mentions-legales', 'donnees-personnelles'];

/** Each page's h1 (and, with the site's name, its title). */
export const LEGAL_TITLES: Record<LegalPageSlug, string> = {
  accessibilite: 'Déclaration d’accessibilité',
  'donnees-personnelles': 'Données personnelles',
  'mentions-legales': 'Mentions légales',
};

/** The three footer links, in the order of the footer. */
export const LEGAL_FOOTER_LINKS: Array<{ page: LegalPageSlug; label: string }> = [
  { page: 'accessibilite', label: `Accessibilité : ${ACCESSIBILITY_STATUS}` },
  { page: 'mentions-legales', label: 'Mentions légales' },
  { page: 'donnees-personnelles', label: 'Données personnelles' },
];

const p = (...parts: LegalInline[]): LegalBlock => ({ paragraph: parts });
const list = (...items: Array<LegalInline | LegalInline[]>): LegalBlock => ({ list: items.map((i) => (Array.isArray(i) ? i : [i])) });

/** The three pages, with the Département's contact address woven in. */
export function legalPages(site: SiteInfo): Record<LegalPageSlug, LegalPage> {
  const mail = { text: site.contactEmail, href: `mailto:${site.contactEmail}` };
  const by = site.publisher ?? VAL_D_OISE;
  const of = by.of ? ` ${by.of}` : '';
  const carnet = `Carnet de projets${of}`;
  const portal = `« Projets publics des communes${of} »`;
  const publisher = `${by.plural ? 'Les' : 'Le'} ${by.name}`;
  const ofPublisher = `${by.plural ? 'des' : 'du'} ${by.name}`;
  return {
    accessibilite: {
      slug: 'accessibilite',
      title: LEGAL_TITLES.accessibilite,
      description: `Le ${carnet} et son portail public sont non conformes au RGAA 4.1 : aucun audit n’a encore été réalisé. Ce qui est fait, les limites connues et comment signaler un problème.`,
      lead: `${publisher} ${by.plural ? 's’engagent' : 's’engage'} à rendre ${by.plural ? 'leurs' : 'ses'} services numériques accessibles à tous, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.`,
      sections: [
        {
          heading: 'À quoi s’applique cette déclaration',
          blocks: [p(`Elle s’applique au Carnet de projets (l’espace des communes et du Département) et à son portail public ${portal}.`)],
        },
        {
          heading: 'État de conformité',
          blocks: [
            p(`Le Carnet de projets est ${ACCESSIBILITY_STATUS} au référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.`),
            p('Aucun audit n’a encore été réalisé : nous ne pouvons donc pas annoncer de taux de conformité. Cette déclaration le dira dès qu’un audit aura eu lieu.'),
          ],
        },
        {
          heading: 'Ce qui est déjà fait',
          blocks: [
            list(
              'Chaque page est vérifiée automatiquement avec l’outil axe-core, dans un vrai navigateur (Chromium), à chaque modification du logiciel : une erreur détectée fait échouer les tests.',
              'Tout se fait au clavier : un lien « Aller au contenu » en tête de page, un contour visible sur l’élément actif, et le passage d’une page à l’autre ramène au contenu.',
              'Les pages s’affichent sur un téléphone sans avoir à faire défiler l’écran de côté.',
              'Chaque graphique des tableaux de bord est accompagné d’un tableau qui donne les mêmes chiffres.',
              'Dans les formulaires, chaque erreur est écrite en toutes lettres à côté du champ concerné, et le premier champ en erreur reçoit le curseur.',
              'Le portail public fonctionne sans JavaScript.',
            ),
          ],
        },
        {
          heading: 'Limites connues',
          blocks: [
            list(
              'Une vérification automatique ne trouve qu’une partie des problèmes : la lecture avec un lecteur d’écran, par exemple, n’a pas été testée de façon systématique.',
              'Les documents déposés par les communes (PDF, tableurs, photos) ne sont pas contrôlés : ils peuvent ne pas être accessibles.',
              'Les cartes des communes sont des images ; le nom de la commune est donné en texte, mais pas le détail du contour.',
            ),
          ],
        },
        {
          heading: 'Signaler un problème',
          blocks: [
            p('Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez-nous : nous vous répondrons et vous proposerons une autre façon d’obtenir l’information.'),
            p('Adresse : ', mail, '. Indiquez la page concernée et ce qui vous a gêné.'),
          ],
        },
        {
          heading: 'Voies de recours',
          blocks: [
            p('Si vous nous avez signalé un défaut d’accessibilité et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez contacter le Défenseur des droits :'),
            list(
              ['par son site : ', { text: 'www.defenseurdesdroits.fr', href: 'https://www.defenseurdesdroits.fr' }, ' (formulaire de contact ou délégué près de chez vous) ;'],
              'par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
            ),
          ],
        },
      ],
    },
    'donnees-personnelles': {
      slug: 'donnees-personnelles',
      title: LEGAL_TITLES['donnees-personnelles'],
      description: `Quelles données personnelles le ${carnet} conserve, qui peut les voir, combien de temps, et comment exercer vos droits.`,
      lead: by.plural
        ? `Le Carnet de projets est un service ${ofPublisher} pour leurs communes. Chaque Département est responsable des données qu’il conserve pour ses communes.`
        : `Le Carnet de projets est un service ${ofPublisher} pour ses communes. Le Département est responsable des données qu’il conserve.`,
      sections: [
        {
          heading: 'Ce que nous conservons',
          blocks: [
            list(
              'Pour chaque compte : le nom, l’adresse e-mail, le rôle (maire, collaborateur, agent, partenaire…) et un condensé du mot de passe (argon2id). Le mot de passe lui-même n’est jamais conservé.',
              'Vos choix de notifications (e-mail immédiat, récapitulatif quotidien ou aucun) et les projets que vous suivez.',
              'Pendant une connexion : deux cookies, nécessaires pour rester connecté et protéger vos actions. Les essais de mot de passe erronés sont comptés, avec l’adresse IP, pour bloquer un moment les tentatives répétées.',
              'Pour l’annuaire des contacts, visible des personnes connectées : le nom, la fonction, l’organisme, le téléphone et l’adresse e-mail professionnels.',
            ),
            p('Le site n’utilise ni mesure d’audience, ni publicité, ni cookie de suivi. Le portail public ne dépose aucun cookie.'),
          ],
        },
        {
          heading: 'L’historique des projets',
          blocks: [
            p('Tout ce qui arrive à un projet est inscrit dans un historique qu’on ne peut pas réécrire sans que cela se voie. Cet historique ne contient ni nom, ni adresse e-mail, ni numéro de téléphone : il désigne chaque personne par un numéro, et le nom est cherché dans les comptes au moment de l’affichage.'),
            p('Attention : ce que vous écrivez vous-même (questions, messages, notes, noms de fichiers, documents) fait partie du dossier du projet et y reste.'),
          ],
        },
        {
          heading: 'Qui peut voir quoi',
          blocks: [
            list(
              'Les membres d’une commune voient les projets de leur commune seulement.',
              'Les agents et administrateurs du Département voient tous les projets ; les partenaires (CAUE, agence de l’énergie…) ceux auxquels leur organisation est associée ; les auditeurs peuvent tout lire, sans rien modifier.',
              'Le public ne voit que les projets terminés publiés avec l’accord du maire, dans la version qu’il a approuvée, sur le portail « Projets publics ».',
            ),
          ],
        },
        {
          heading: 'Combien de temps',
          blocks: [
            p('Un compte est conservé tant que la personne a accès au Carnet de projets. Une session s’arrête après 8 heures sans activité, et au plus tard après 30 jours.'),
            p('Sur demande, un administrateur du Département efface la personne : son nom et son adresse e-mail disparaissent, et l’historique affiche « Personne effacée ». L’historique reste vérifiable, puisqu’il ne contenait pas ces données.'),
          ],
        },
        {
          heading: 'Vos droits',
          blocks: [
            p('Vous pouvez demander à consulter vos données, à les faire corriger ou à les faire effacer. Votre nom, votre adresse e-mail et votre rôle sont affichés dans « Mon compte ».'),
            p('Pour toute demande, écrivez à ', mail, '. Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL.'),
          ],
        },
      ],
    },
    'mentions-legales': {
      slug: 'mentions-legales',
      title: LEGAL_TITLES['mentions-legales'],
      description: `Éditeur, logiciel, hébergement et sources des données du ${carnet} et de son portail public.`,
      lead: `Le Carnet de projets et son portail public ${portal} sont des services ${ofPublisher}.`,
      sections: [
        {
          heading: 'Éditeur',
          blocks: [p(`${by.name}. Contact : `, mail, '.')],
        },
        {
          heading: 'Hébergement',
          blocks: [p(`Le service est hébergé par ${site.hostedBy}.`)],
        },
        {
          heading: 'Logiciel',
          blocks: [p('Le Carnet de projets est un logiciel libre, publié sous la licence publique de l’Union européenne (EUPL 1.2) : toute collectivité peut le réutiliser et l’adapter.')],
        },
        {
          heading: 'Sources des données',
          blocks: [
            list(
              'Contours des communes : IGN Admin Express COG 2018 et INSEE, via gregoiredavid/france-geojson — Licence Ouverte / Open Licence (Etalab).',
              'Noms, codes INSEE et populations des communes : Code officiel géographique de l’INSEE, via le paquet @etalab/decoupage-administratif — Licence Ouverte / Open Licence (Etalab).',
              'Contenu des projets publiés : les communes, avec l’accord de leur maire.',
            ),
          ],
        },
        {
          heading: 'Accessibilité et données personnelles',
          blocks: [
            p('Voir la ', { text: 'déclaration d’accessibilité', page: 'accessibilite' }, ' et la page ', { text: 'Données personnelles', page: 'donnees-personnelles' }, '.'),
          ],
        },
      ],
    },
  };
}
