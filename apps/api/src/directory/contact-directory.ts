import { Inject, Injectable } from '@nestjs/common';
import type { AccountStore, Contact } from '@carnet/account-store';
import type { ContactCard, ContactRequest, ContactView, ProjectTheme } from '@carnet/contracts';
import { foldForSearch } from '@carnet/read-store';
import { randomUUID } from 'node:crypto';
import { ACCOUNT_STORE, CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ProblemException } from '../shared/problem.js';

export interface ContactFilter {
  /** Accent- and case-insensitive words looked for in the name, job title and organisation. */
  q?: string;
  theme?: ProjectTheme;
  /** Contacts covering this commune: those of the whole département and those listing it. */
  commune?: string;
  includeArchived?: boolean;
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
  ) {}

  async list(filter: ContactFilter = {}): Promise<ContactView[]> {
    const words = foldForSearch(filter.q ?? '').split(/\s+/).filter(Boolean);
    const all = await this.store.listContacts();
    return all
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

  /** An active contact, or null (archived and erased contacts are not recommended any more). */
  async activeCard(id: string): Promise<ContactCard | null> {
    const c = await this.store.getContact(id);
    return c && c.status === 'active' ? toCard(c) : null;
  }

  /** Cards of the contacts named by answers: erased ones are left out, archived ones still shown. */
  async cards(ids: Iterable<string>): Promise<Map<string, ContactCard>> {
    const wanted = new Set(ids);
    if (wanted.size === 0) return new Map();
    const all = await this.store.listContacts();
    return new Map(all.filter((c) => wanted.has(c.id) && c.status !== 'erased').map((c) => [c.id, toCard(c)]));
  }

  async create(request: ContactRequest): Promise<ContactView> {
    const now = this.clock.now().toISOString();
    const contact: Contact = { id: randomUUID(), ...fields(request), status: 'active', createdAt: now, updatedAt: now };
    await this.store.createContact(contact);
    return toView(contact);
  }

  async update(id: string, request: ContactRequest): Promise<ContactView> {
    const current = await this.store.getContact(id);
    if (!current || current.status === 'erased') throw contactNotFound(id);
    const changes = { ...fields(request), updatedAt: this.clock.now().toISOString() };
    await this.store.updateContact(id, changes);
    return toView({ ...current, ...changes });
  }

  async archive(id: string, archived: boolean): Promise<ContactView> {
    const current = await this.store.getContact(id);
    if (!current || current.status === 'erased') throw contactNotFound(id);
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
