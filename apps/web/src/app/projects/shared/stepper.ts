import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { STEP_LABELS, STEP_ORDER, type ProjectStep } from '@carnet/contracts';

/** The five steps of a project, the current one marked for assistive technologies. */
@Component({
  selector: 'app-stepper',
  template: `
    <ol class="stepper" aria-label="Étapes du projet">
      @for (step of steps(); track step.code) {
        <li
          class="stepper__step"
          [class.stepper__step--done]="step.state === 'done'"
          [class.stepper__step--current]="step.state === 'current'"
          [attr.aria-current]="step.state === 'current' ? 'step' : null"
        >
          <span class="stepper__marker" aria-hidden="true">{{ step.state === 'done' ? '✓' : step.index }}</span>
          <span class="stepper__name">{{ step.label }}</span>
          <span class="visually-hidden">{{ step.state === 'done' ? ' (étape passée)' : step.state === 'current' ? ' (étape actuelle)' : ' (à venir)' }}</span>
        </li>
      }
    </ol>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Stepper {
  readonly current = input.required<ProjectStep>();
  protected readonly steps = computed(() => {
    const currentIndex = STEP_ORDER.indexOf(this.current());
    return STEP_ORDER.map((code, i) => ({
      code,
      index: i + 1,
      label: STEP_LABELS[code],
      // A finished project has its last step "current" and done at once: show it as current.
      state: i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'todo',
    }));
  });
}
