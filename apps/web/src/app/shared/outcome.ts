import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';

/**
 * The outcome of an action, in two live regions that exist before any message so that screen readers
 * announce it: a success (polite, `role="status"`) and an error (`role="alert"`, focusable for a
 * form that moves the focus to it). `page` spaces them as a page-level message.
 */
@Component({
  selector: 'app-outcome',
  template: `
    <div role="status" class="feedback" [class.feedback--page]="page()">
      @if (success(); as text) {
        <p class="alert alert--success">{{ text }}</p>
      }
    </div>
    <div role="alert" class="feedback" [class.feedback--page]="page()">
      @if (error(); as text) {
        <p class="alert alert--error" tabindex="-1">{{ text }}</p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Outcome {
  readonly success = input<string | null | undefined>(null);
  readonly error = input<string | null | undefined>(null);
  readonly page = input(false, { transform: booleanAttribute });
}
