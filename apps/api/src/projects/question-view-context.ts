import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { OrganisationDirectory } from '../communes/organisation-directory.js';
import { ContactDirectory } from '../directory/contact-directory.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import type { ProjectDoc } from './projections/project.projection.js';
import { contactsOf, type QuestionViewContext } from './project.views.js';

/** Loads what question views need besides the read model: contacts, organisation names, the overdue delay and the time. */
@Injectable()
export class QuestionViewContextLoader {
  constructor(
    private readonly contacts: ContactDirectory,
    private readonly organisations: OrganisationDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get overdueDays(): number {
    return this.config.questionOverdueDays;
  }

  now(): Date {
    return this.clock.now();
  }

  /** `at` replaces the current time (the audit's « project as it was on date X »). */
  async load(doc: ProjectDoc, at?: Date): Promise<QuestionViewContext> {
    const [cards, organisations] = await Promise.all([this.contacts.cards(contactsOf(doc)), this.organisations.all()]);
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    return {
      now: at ?? this.clock.now(),
      overdueDays: this.config.questionOverdueDays,
      contact: (id) => cards.get(id) ?? null,
      organisationName: (id) => names.get(id) ?? id,
    };
  }
}
