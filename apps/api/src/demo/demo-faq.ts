import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FaqEntryRequest } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { FaqCommands } from '../faq/commands/faq-commands.js';
import { findPersona } from '../dev/personas.js';
import { CLOCK } from '../infrastructure/tokens.js';
import type { SettableClock } from '../infrastructure/settable-clock.js';

const FINANCES = 'persona-agent-finances';
const AGENT = 'persona-agent-amenagement';
const ADMIN = 'persona-admin';

interface DemoFaqEntry extends FaqEntryRequest {
  key: string;
  by: string;
  daysAgo: number;
}

/** Published entries of the demo FAQ, written through the command path like the rest of the demo. */
export const DEMO_FAQ: DemoFaqEntry[] = [
  {
    key: 'detr', by: FINANCES, daysAgo: 200, category: 'financement', team: 'aides', audience: 'public',
    keywords: ['DETR', 'subvention', 'préfecture', 'école', 'bâtiment scolaire'],
    question: 'Quand et comment déposer une demande de DETR pour un bâtiment communal ?',
    answer:
      'La dotation d’équipement des territoires ruraux (DETR) est attribuée par la préfecture. L’appel à projets paraît à l’automne ; le dossier se dépose en ligne, en général avant la fin janvier, avec la délibération du conseil municipal, le plan de financement et les devis.\n\n' +
      'Les écoles, les mairies et les équipements sportifs font partie des catégories habituellement retenues. Ne commencez pas les travaux avant l’accusé de réception du dossier complet.\n\n' +
      'Le guide de la préfecture : https://www.val-doise.gouv.fr',
  },
  {
    key: 'contrat-rural', by: AGENT, daysAgo: 150, category: 'financement', team: 'aides', audience: 'public',
    keywords: ['contrat rural', 'Région', 'subvention', 'programme'],
    question: 'Qu’est-ce que le contrat rural et quelles communes peuvent en bénéficier ?',
    answer:
      'Le contrat rural est signé entre la commune, la Région Île-de-France et le Département. Il finance un programme d’une à trois opérations d’investissement (école, mairie, équipement public, espaces publics), réalisées en trois ans.\n\n' +
      'Il s’adresse aux communes de moins de 2 000 habitants et aux syndicats qui les regroupent. Les taux et plafonds sont fixés par les règlements de la Région et du Département : la Mission d’accompagnement des communes vous aide à monter le programme avant la délibération.',
  },
  {
    key: 'fctva', by: FINANCES, daysAgo: 400, category: 'financement', team: 'aides', audience: 'public',
    keywords: ['FCTVA', 'TVA', 'investissement', 'récupération'],
    question: 'Comment la commune récupère-t-elle la TVA payée sur ses travaux (FCTVA) ?',
    answer:
      'Le fonds de compensation pour la TVA (FCTVA) rembourse une partie de la TVA payée sur les dépenses d’investissement. Le calcul est automatisé à partir des comptes de la commune : aucune demande à faire, mais les dépenses doivent être imputées aux bons comptes.\n\n' +
      'Selon le régime de la commune, le versement intervient l’année de la dépense, l’année suivante ou deux ans après. Les subventions reçues ne réduisent pas le FCTVA.',
  },
  {
    key: 'marches', by: ADMIN, daysAgo: 90, category: 'juridique', team: 'juridique', audience: 'public',
    keywords: ['marchés publics', 'mise en concurrence', 'MAPA', 'devis', 'seuil'],
    question: 'À partir de quel montant faut-il une mise en concurrence pour des travaux ?',
    answer:
      'Sous le seuil de dispense fixé par le code de la commande publique (article R. 2122-8), la commune peut choisir une entreprise sans publicité ni mise en concurrence, en veillant au bon usage des deniers publics : demandez quand même plusieurs devis.\n\n' +
      'Au-delà, une procédure adaptée (MAPA) s’applique jusqu’aux seuils européens, révisés tous les deux ans. Vérifiez les seuils en vigueur : https://www.economie.gouv.fr/daj/commande-publique',
  },
  {
    key: 'avant-accord', by: FINANCES, daysAgo: 60, category: 'prochaine_etape', team: 'accompagnement', audience: 'public',
    keywords: ['subvention', 'commencement des travaux', 'ordre de service', 'école'],
    question: 'Peut-on commencer les travaux de l’école avant d’avoir reçu l’accord de subvention ?',
    answer:
      'Non, en règle générale : un projet commencé avant que le dossier de subvention soit déclaré complet n’est plus éligible. Attendez l’accusé de réception du dossier complet (ou l’autorisation de démarrage anticipé) avant de signer l’ordre de service ou le bon de commande.\n\n' +
      'Les études préalables (diagnostic, relevés, maîtrise d’œuvre) ne valent pas commencement des travaux.',
  },
  {
    key: 'interlocuteur-ecole', by: AGENT, daysAgo: 30, category: 'interlocuteur', team: 'accompagnement', audience: 'communes',
    keywords: ['école', 'interlocuteur', 'accompagnement'],
    question: 'Qui contacter au Département pour préparer un projet d’école ?',
    answer:
      'Posez votre question depuis la fiche du projet : elle est orientée vers la Mission d’accompagnement des communes, qui associe au besoin le CAUE et le service des aides. L’annuaire de l’application donne les contacts de votre secteur.',
  },
];

/** The demo FAQ, written after the demo projects (hooked in app.ts). */
@Injectable()
export class DemoFaq {
  private readonly logger = new Logger('Démo');

  constructor(
    private readonly commands: FaqCommands,
    @Inject(CLOCK) private readonly clock: SettableClock,
  ) {}

  /** Creates the demo entries when the demo projects were just created (`position` > 0); returns the last position. */
  async seedAfter(position: number, now = new Date()): Promise<number> {
    if (position === 0) return 0;
    let last = position;
    try {
      for (const [i, entry] of DEMO_FAQ.entries()) {
        const { key, by, daysAgo, ...request } = entry;
        const actor = findPersona(by) as Actor;
        this.clock.set(new Date(now.getTime() - daysAgo * 86_400_000 + i * 60_000));
        const drafted = await this.commands.draft(request, actor, { idempotencyKey: `demo-faq-${key}` });
        last = (await this.commands.changeStatus(drafted.id, { type: 'PublishFaqEntry' }, actor, { idempotencyKey: `demo-faq-${key}-publish` })).position;
      }
    } finally {
      this.clock.set(null);
    }
    this.logger.log(`${DEMO_FAQ.length} entrées de FAQ de démonstration publiées.`);
    return last;
  }
}
