import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, Injector, afterNextRender, effect, inject, input } from '@angular/core';
import { Outcome } from '../../shared/outcome';
import type { CommandFormState } from './project-store';

/**
 * A command form's outcome (see Outcome). When a command succeeds and the focus was lost meanwhile (the submit
 * button was disabled while sending, the item acted on was replaced), the focus goes to the success message, so
 * that keyboard and screen-reader users go on from there instead of from the top of the page.
 */
@Component({
  selector: 'app-form-feedback',
  imports: [Outcome],
  template: `<app-outcome [success]="state().success()" [error]="state().error()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormFeedback {
  readonly state = input.required<CommandFormState>();
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      if (!this.state().success()) return;
      afterNextRender(
        () => {
          const active = this.document.activeElement;
          if (active && active !== this.document.body && active.isConnected) return;
          const message = this.host.nativeElement.querySelector<HTMLElement>('.alert--success');
          if (!message) return;
          message.setAttribute('tabindex', '-1');
          message.focus();
        },
        { injector: this.injector },
      );
    });
  }
}
