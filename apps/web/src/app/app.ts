import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { LOGO_URL, siteName } from './core/brand';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { LEGAL_FOOTER_LINKS, SEARCH_MIN_LENGTH, roleLabel } from '@carnet/contracts';
import { filter } from 'rxjs';
import { canAudit } from './audit/audit-api';
import { toUserError } from './core/problem';
import { canSeeAdministration, dashboardLink, hasWaitingQueue, isCommuneRole, isNationalAdmin } from './core/roles';
import { SessionStore } from './core/session';
import { NotificationsApi } from './notifications/notifications-api';
import { HeaderMenu } from './shared/header-menu';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, HeaderMenu],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly session = inject(SessionStore);
  /** The identity set by the Département (SITE_NAME, LOGO_FILE): see core/brand.ts. */
  protected readonly siteName = siteName(inject(DOCUMENT));
  protected readonly logoUrl = LOGO_URL;
  private readonly router = inject(Router);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly me = this.session.me;
  private readonly notifications = inject(NotificationsApi);
  /** Unread notifications, for the header badge (refreshed on each navigation). */
  protected readonly unread = this.notifications.unread;
  /** « Claire Martin — Maire (Ableiges) ». */
  protected readonly who = computed(() => {
    const me = this.me();
    if (!me) return '';
    if (this.session.withoutAccess()) return `${me.name} — accès retiré`;
    const label = me.role ? roleLabel(me.role, me.roleForm) : 'Sans accès';
    // Staff and auditors say their Département (« Agent du Département du Val-d’Oise »): an instance may serve several (issue #17).
    const role = label.endsWith('du Département') && me.ofDepartement ? `${label} ${me.ofDepartement}` : label;
    const where = me.communeName ?? me.organisationName ?? (me.role === 'auditor' ? me.departementName : null);
    return `${me.name} — ${role}${where ? ` (${where})` : ''}`;
  });
  protected readonly showCommune = computed(() => {
    const me = this.me();
    return !!me && isCommuneRole(me.role) && !!me.communeInsee && !this.session.withoutAccess();
  });
  protected readonly showAdministration = computed(() => canSeeAdministration(this.me()));
  protected readonly showWaiting = computed(() => hasWaitingQueue(this.me()));
  /** A national administrator works on the Départements, not on projects: no map, estimate nor directory (issue #17). */
  protected readonly national = computed(() => isNationalAdmin(this.me()));
  protected readonly showAudit = computed(() => canAudit(this.me()?.role));
  protected readonly dashboardLink = computed(() => (this.session.withoutAccess() ? null : dashboardLink(this.me())));
  protected readonly currentUrl = signal('/');
  protected readonly onLoginPage = computed(() => this.currentUrl().startsWith('/connexion'));
  protected readonly logoutError = signal<string | null>(null);
  /** « Accessibilité : non conforme », « Mentions légales », « Données personnelles ». */
  protected readonly legalLinks = LEGAL_FOOTER_LINKS;
  /** The header menu on a phone: folded until asked for, folded again after each navigation. */
  protected readonly menuOpen = signal(false);
  /** What is wrong with the header's search, said next to it (« Saisissez au moins 2 caractères. »). */
  protected readonly searchError = signal<string | null>(null);

  constructor() {
    // After an in-app navigation, bring keyboard and screen-reader users to the new content.
    let first = true;
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((e) => {
        this.currentUrl.set(e.urlAfterRedirects);
        this.menuOpen.set(false);
        this.searchError.set(null);
        if (this.me() && !this.session.withoutAccess()) void this.notifications.refreshUnread();
        if (first) {
          first = false;
          return;
        }
        this.main().nativeElement.focus({ preventScroll: true });
      });
  }

  /**
   * The header's search box opens the results page. Too short a query (the API needs 2 characters) is said next to
   * the box, which keeps the focus, as the app's other forms do, instead of the browser's bubble.
   */
  protected search(event: Event, input: HTMLInputElement): void {
    event.preventDefault();
    const q = input.value.trim();
    if (q.length < SEARCH_MIN_LENGTH) {
      this.searchError.set(`Saisissez au moins ${SEARCH_MIN_LENGTH} caractères.`);
      input.focus();
      return;
    }
    this.searchError.set(null);
    void this.router.navigate(['/recherche'], { queryParams: { q } });
  }

  /** Where the login page sends the person back to. */
  protected loginParams(): Record<string, string> {
    const url = this.currentUrl();
    return url === '/' || url.startsWith('/connexion') ? {} : { retour: url };
  }

  protected async logout(): Promise<void> {
    this.logoutError.set(null);
    try {
      await this.session.logout();
      await this.router.navigate(['/connexion'], { queryParams: { raison: 'deconnecte' } });
    } catch (error) {
      this.logoutError.set(`La déconnexion a échoué. ${toUserError(error).message}`);
    }
  }
}
