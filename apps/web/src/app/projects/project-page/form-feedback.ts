import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Outcome } from '../../shared/outcome';
import type { CommandFormState } from './project-store';

/** A command form's outcome (see Outcome). */
@Component({
  selector: 'app-form-feedback',
  imports: [Outcome],
  template: `<app-outcome [success]="state().success()" [error]="state().error()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormFeedback {
  readonly state = input.required<CommandFormState>();
}
