import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { LEGAL_TITLES, legalPages, type LegalInline, type LegalPageSlug, type SiteInfo } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { toUserError, type UserError } from '../core/problem';
import { PageProblem } from '../shared/page-problem';

/** A piece of a sentence as the template shows it: text, an outside link, or a route of the app. */
export interface InlineView {
  text: string;
  href: string | null;
  route: string | null;
}

export interface BlockView {
  kind: 'paragraph' | 'list';
  /** A paragraph has one item; a list, one per bullet. */
  items: InlineView[][];
}

/** Where a legal page lives in the web app (the portal has its own copies under /projets-publics). */
export const legalRoute = (page: LegalPageSlug): string => `/${page}`;

export function inlineView(part: LegalInline): InlineView {
  if (typeof part === 'string') return { text: part, href: null, route: null };
  return 'page' in part ? { text: part.text, href: null, route: legalRoute(part.page) } : { text: part.text, href: part.href, route: null };
}

/**
 * `/accessibilite`, `/donnees-personnelles`, `/mentions-legales`: the legal pages, open to everybody.
 * Their text is shared with the public portal (@carnet/contracts); only the contact address and the
 * host come from the server's configuration.
 */
@Component({
  selector: 'app-legal-page',
  imports: [NgTemplateOutlet, RouterLink, PageProblem],
  template: `
    @if (content(); as page) {
      <article class="legal">
        <h1>{{ page.title }}</h1>
        <p class="lead">{{ page.lead }}</p>
        @for (section of page.sections; track section.heading) {
          <section class="panel">
            <h2>{{ section.heading }}</h2>
            @for (block of section.blocks; track $index) {
              @if (block.kind === 'paragraph') {
                <p><ng-container *ngTemplateOutlet="line; context: { $implicit: block.items[0] }" /></p>
              } @else {
                <ul>
                  @for (item of block.items; track $index) {
                    <li><ng-container *ngTemplateOutlet="line; context: { $implicit: item }" /></li>
                  }
                </ul>
              }
            }
          </section>
        }
      </article>
    } @else if (loadError(); as error) {
      <h1>{{ heading() }}</h1>
      <app-page-problem [error]="error" />
    } @else {
      <h1>{{ heading() }}</h1>
      <p role="status">Chargement…</p>
    }
    <!-- One sentence: no whitespace between its pieces, whose own text carries the spaces. -->
    <ng-template #line let-parts
      >@for (part of parts; track $index) {
        @if (part.route) {<a [routerLink]="part.route">{{ part.text }}</a>}
        @else if (part.href) {<a [href]="part.href">{{ part.text }}</a>}
        @else {{{ part.text }}}
      }</ng-template
    >
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LegalPageView {
  private readonly api = inject(Api);

  /** From the route's data. */
  readonly page = input.required<LegalPageSlug>();

  private readonly site = signal<SiteInfo | null>(null);
  protected readonly loadError = signal<UserError | null>(null);
  /** The page's title while its text waits for the contact address. */
  protected readonly heading = computed(() => LEGAL_TITLES[this.page()]);
  protected readonly content = computed(() => {
    const site = this.site();
    if (!site) return null;
    const page = legalPages(site)[this.page()];
    return {
      title: page.title,
      lead: page.lead,
      sections: page.sections.map((s) => ({
        heading: s.heading,
        blocks: s.blocks.map((b): BlockView => ('paragraph' in b ? { kind: 'paragraph', items: [b.paragraph.map(inlineView)] } : { kind: 'list', items: b.list.map((i) => i.map(inlineView)) })),
      })),
    };
  });

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.site.set(await firstValueFrom(this.api.siteInfo()));
    } catch (error) {
      this.loadError.set(toUserError(error));
    }
  }
}
