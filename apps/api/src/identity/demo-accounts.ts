import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Account, AccountKind, AccountStore } from '@carnet/account-store';
import type { ActorRole } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { personasOf } from '../dev/personas.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ACCOUNT_STORE } from './account-store.provider.js';
import { PasswordHasher } from './password-hasher.js';

/** Password of every demo account (listed in the README); demo accounts are refused in production. */
export const DEMO_PASSWORD = 'demo-carnet-2026';
export const DEMO_ORGANISATION_ID = 'org-caue-95';

const KIND_OF_ROLE: Record<ActorRole, AccountKind> = {
  commune_mayor: 'commune',
  commune_member: 'commune',
  departement_agent: 'departement_agent',
  departement_admin: 'departement_admin',
  partner_member: 'partner_member',
  auditor: 'auditor',
  national_admin: 'national_admin',
};

/** « Hélène Roux » → helene.roux@demo.carnet.invalid ; « Thomas Girard (CAUE 95) » → thomas.girard@… */
export function demoEmail(displayName: string): string {
  const [first, ...rest] = displayName
    .replace(/\(.*?\)/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, '')
    .trim()
    .split(/\s+/);
  return `${first}.${rest.join('-')}@demo.carnet.invalid`;
}

/** How long ago the demo accounts were created: before every demo event. */
const DEMO_ARRIVAL_DAYS = 1000;
/** The demo people whose first name says they write their role in the feminine (« Administratrice », « Auditrice »). */
const FEMININE = new Set(['persona-agent-78', 'persona-auditeur-78', 'persona-maire-95002', 'persona-maire-95446', 'persona-maire-95370', 'persona-agent-amenagement', 'persona-admin', 'persona-auditeur']);

/** One account per demo persona, with the persona's id so that the demo events name them. */
@Injectable()
export class DemoAccounts {
  private readonly logger = new Logger('Démo');

  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the demo accounts when none of them exists yet. Their seats come with the demo data. */
  async seedIfEmpty(): Promise<void> {
    // The people of the Départements served: an instance that serves one more later gets its demo people then.
    const personas = personasOf(this.config.departements);
    const existing = await this.store.getAccounts(personas.map((p) => p.id));
    if (personas.every((p) => existing.has(p.id))) return;
    // One hash for all: it is the same published password anyway, and seeding stays quick.
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    // The demo people arrived before the demo history they read (seats taken 500 days ago, demo-data.ts):
    // their notifications about it are not « before their arrival » (NotificationCenter.arrivalOf).
    const now = new Date(this.clock.now().getTime() - DEMO_ARRIVAL_DAYS * 86_400_000).toISOString();
    for (const persona of personas) {
      const kind = KIND_OF_ROLE[persona.role];
      const account: Account = {
        id: persona.id,
        email: demoEmail(persona.displayName),
        displayName: persona.displayName.replace(/\s*\(.*?\)\s*/g, ' ').trim(),
        passwordHash,
        kind,
        organisationId: kind === 'partner_member' ? DEMO_ORGANISATION_ID : null,
        status: 'active',
        demo: true,
        roleForm: FEMININE.has(persona.id) ? 'feminine' : 'masculine',
        ...(persona.departement ? { departement: persona.departement } : {}),
        createdAt: now,
        updatedAt: now,
      };
      if (!(await this.store.getAccount(account.id))) await this.store.createAccount(account);
    }
    this.logger.log(`Comptes de démonstration créés (mot de passe : ${DEMO_PASSWORD}).`);
  }
}
