import { Inject, Injectable } from '@nestjs/common';
import type { AccountStore, Contact } from '@carnet/account-store';
import type { ContactCard, ContactRequest, ContactView, ProjectTheme } from '@carnet/contracts';
import { foldForSearch } from '@carnet/read-store';
import { randomUUID } from 'node:crypto';
import { departementOfCommune, type Actor } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { departementOfActor } from '../shared/actor-of.js';
import { ACCOUNT_STORE, CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ProblemException } from '../shared/problem.js';

export interface ContactFilter {
  /** Accent- and case-insensitive words looked for in the name, job title and organisation. */
  q?: string;
  theme?: ProjectTheme;
  /** Contacts covering this commune: those of the whole département and those listing it. */
  commune?: string;
  includeArchived?: boolean;
  /** The Département whose directory is read (the person's, issue #17). */
  departement: string;
}

export const contactNotFound = (id: string) =>
  new ProblemException(404, 'contact_not_found', 'Contact introuvable', `Aucun contact de l’annuaire ne porte l’identifiant ${id}.`);

const toView = (c: Contact): ContactView => ({
  id: c.id,
  name: c.name,
  jobTitle: c.jobTitle,
  organisation: c.organisation,
  email: c.email,
  phone: c.phone,
  themes: c.themes as ProjectTheme[],
  communes: c.communes,
  accountId: c.accountId,
  archived: c.status !== 'active',
  updatedAt: c.updatedAt,
});

export const toCard = (c: Contact): ContactCard => ({ id: c.id, name: c.name, jobTitle: c.jobTitle, organisation: c.organisation, email: c.email, phone: c.phone });

/**
 * The contacts directory (issue #4): Département and partner people by theme and territory.
 * Personal data, so it lives in the account store, never in the event log (ADR 0010); an answer's
 * event only names a contact by id, and an erased contact simply stops being shown.
 */
@Injectable()
export class ContactDirectory {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The Département whose directory a person reads and writes: their own (issue #17). */
  departementOf(actor: Actor): string {
    return departementOfActor(actor, this.config.departement);
  }

  /** Whether the contact is in this Département's directory (contacts from before directories had one are the home Département's). */
  private inDirectoryOf(c: Contact, departement: string): boolean {
    return (c.departement ?? this.config.departement) === departement;
  }

  async list(filter: ContactFilter): Promise<ContactView[]> {
    const words = foldForSearch(filter.q ?? '').split(/\s+/).filter(Boolean);
    const all = await this.store.listContacts();
    return all
      .filter((c) => this.inDirectoryOf(c, filter.departement))
      .filter((c) => c.status === 'active' || (filter.includeArchived && c.status === 'archived'))
      .filter((c) => !filter.theme || c.themes.includes(filter.theme))
      .filter((c) => !filter.commune || c.communes.length === 0 || c.communes.includes(filter.commune))
      .filter((c) => {
        const text = foldForSearch(`${c.name} ${c.jobTitle} ${c.organisation}`);
        return words.every((w) => text.includes(w));
      })
      .sort((a, b) => foldForSearch(a.name).localeCompare(foldForSearch(b.name), 'fr'))
      .map(toView);
  }

  /** An active contact of the Département's directory, or null (archived and erased contacts are not recommended any more). */
  async activeCard(id: string, departement: string): Promise<ContactCard | null> {
    const c = await this.store.getContact(id);
    return c && c.status === 'active' && this.inDirectoryOf(c, departement) ? toCard(c) : null;
  }

  /** Cards of the contacts named by answers: erased ones are left out, archived ones still shown. */
  async cards(ids: Iterable<string>): Promise<Map<string, ContactCard>> {
    const wanted = new Set(ids);
    if (wanted.size === 0) return new Map();
    const all = await this.store.listContacts();
    return new Map(all.filter((c) => wanted.has(c.id) && c.status !== 'erased').map((c) => [c.id, toCard(c)]));
  }

  /** A contact covers communes of its own Département only. */
  private checkCommunes(request: ContactRequest, departement: string): void {
    const others = request.communes.filter((code) => departementOfCommune(code) !== departement);
    if (others.length) {
      const message = `Ces communes ne sont pas du département : ${others.join(', ')}.`;
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', message, [{ field: 'communes', message }]);
    }
  }

  async create(request: ContactRequest, departement: string): Promise<ContactView> {
    this.checkCommunes(request, departement);
    const now = this.clock.now().toISOString();
    const contact: Contact = { id: randomUUID(), ...fields(request), departement, status: 'active', createdAt: now, updatedAt: now };
    await this.store.createContact(contact);
    return toView(contact);
  }

  async update(id: string, request: ContactRequest, departement: string): Promise<ContactView> {
    const current = await this.store.getContact(id);
    if (!current || current.status === 'erased' || !this.inDirectoryOf(current, departement)) throw contactNotFound(id);
    this.checkCommunes(request, departement);
    const changes = { ...fields(request), updatedAt: this.clock.now().toISOString() };
    await this.store.updateContact(id, changes);
    return toView({ ...current, ...changes });
  }

  async archive(id: string, archived: boolean, departement: string): Promise<ContactView> {
    const current = await this.store.getContact(id);
    if (!current || current.status === 'erased' || !this.inDirectoryOf(current, departement)) throw contactNotFound(id);
    const changes = { status: archived ? ('archived' as const) : ('active' as const), updatedAt: this.clock.now().toISOString() };
    await this.store.updateContact(id, changes);
    return toView({ ...current, ...changes });
  }
}

const fields = (r: ContactRequest) => ({
  name: r.name.trim(),
  jobTitle: r.jobTitle.trim(),
  organisation: r.organisation.trim(),
  email: r.email?.trim().toLowerCase() || null,
  phone: r.phone?.trim() || null,
  themes: [...new Set(r.themes)],
  communes: [...new Set(r.communes)],
  accountId: r.accountId ?? null,
});
