import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CommandFormState } from './project-store';

/** A form's outcome, in live regions that exist before any message so that screen readers announce it. */
@Component({
  selector: 'app-form-feedback',
  template: `
    <div role="alert" class="feedback">
      @if (state().error(); as message) {
        <p class="alert alert--error" tabindex="-1">{{ message }}</p>
      }
    </div>
    <div role="status" class="feedback">
      @if (state().success(); as message) {
        <p class="alert alert--success">{{ message }}</p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormFeedback {
  readonly state = input.required<CommandFormState>();
}
