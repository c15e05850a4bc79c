import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { THEME_LABELS, type CommuneView, type CreateProjectRequest, type ProjectTheme } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { Submission } from '../../core/idempotency';
import { toUserError } from '../../core/problem';
import { canCreateProjects, isCommuneRole } from '../../core/roles';
import { SessionStore } from '../../core/session';
import { Field, FieldControl } from '../../shared/field';
import { FieldErrors, focusFirstError, parseAmount } from '../shared/form-helpers';
import { projectArrival } from '../shared/project-arrival';

/** Said on the new project's page, which opens once it is created. */
export const PROJECT_CREATED = 'Projet créé.';

export interface CreateProjectDraft {
  codeInsee: string;
  title: string;
  description: string;
  theme: ProjectTheme | '';
  estimatedCostHt: string;
}

/**
 * What the user must fix before the project is sent, field by field: the API's rules (a title of 1 to 160
 * characters once trimmed, a theme, a positive cost), no stricter.
 */
export function validateCreateProject(draft: CreateProjectDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.codeInsee) errors['codeInsee'] = 'Choisissez la commune.';
  if (!draft.title.trim()) errors['title'] = 'Indiquez le titre du projet.';
  else if (draft.title.trim().length > 160) errors['title'] = 'Le titre dépasse 160 caractères.';
  if (!draft.theme) errors['theme'] = 'Choisissez un thème.';
  const cost = parseAmount(draft.estimatedCostHt);
  if (cost === undefined) errors['estimatedCostHt'] = 'Indiquez un montant positif en euros, par exemple 120000.';
  return errors;
}

@Component({
  selector: 'app-project-create',
  imports: [FormsModule, RouterLink, Field, FieldControl],
  templateUrl: './project-create.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectCreate {
  private readonly api = inject(Api);
  private readonly router = inject(Router);

  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  private readonly submission = new Submission();

  protected readonly themes = Object.entries(THEME_LABELS) as Array<[ProjectTheme, string]>;
  protected readonly communes = signal<CommuneView[]>([]);
  protected readonly persona = inject(SessionStore).me;
  /** Commune people create projects for their own commune only. */
  protected readonly lockedCommune = computed(() => {
    const p = this.persona();
    return p && isCommuneRole(p.role) && p.communeInsee ? { codeInsee: p.communeInsee, name: p.communeName ?? p.communeInsee } : null;
  });
  protected readonly allowed = computed(() => canCreateProjects(this.persona()));

  protected readonly draft: CreateProjectDraft = { codeInsee: '', title: '', description: '', theme: '', estimatedCostHt: '' };
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly pending = signal(false);

  constructor() {
    effect(() => {
      const locked = this.lockedCommune();
      if (locked) this.draft.codeInsee = locked.codeInsee;
    });
    void this.loadCommunes();
  }

  private async loadCommunes(): Promise<void> {
    try {
      // Every eligible commune, not only those that already have projects.
      const communes = await firstValueFrom(this.api.allCommunes());
      this.communes.set(communes.filter((c) => c.eligible).sort((a, b) => a.name.localeCompare(b.name, 'fr')));
    } catch (error) {
      this.formError.set(`La liste des communes n’a pas pu être chargée. ${toUserError(error).message}`);
    }
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.formError.set(null);
    const locked = this.lockedCommune();
    if (locked) this.draft.codeInsee = locked.codeInsee;
    const errors = validateCreateProject(this.draft);
    this.errors.set(errors);
    if (Object.keys(errors).length) {
      focusFirstError(this.form().nativeElement);
      return;
    }
    const body: CreateProjectRequest = {
      codeInsee: this.draft.codeInsee,
      title: this.draft.title.trim(),
      description: this.draft.description.trim(),
      theme: this.draft.theme as ProjectTheme,
      estimatedCostHt: parseAmount(this.draft.estimatedCostHt) ?? null,
    };
    this.pending.set(true);
    try {
      const accepted = await firstValueFrom(this.api.createProject(body, this.submission.keyFor(body)));
      this.submission.settled();
      // The project page waits for the new project (read-your-writes) and says it was created; the address stays clean.
      await this.router.navigate(['/projets', accepted.id], { state: projectArrival({ after: accepted.position, message: PROJECT_CREATED }) });
    } catch (error) {
      const userError = toUserError(error);
      if (userError.status !== 0) this.submission.settled();
      this.errors.set(userError.fieldErrors);
      this.formError.set(userError.message);
      focusFirstError(this.form().nativeElement);
    } finally {
      this.pending.set(false);
    }
  }
}
