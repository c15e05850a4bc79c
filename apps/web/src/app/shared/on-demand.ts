import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  TemplateRef,
  afterNextRender,
  booleanAttribute,
  contentChild,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Outcome } from './outcome';

let nextId = 0;

/**
 * A form opened on demand: a button (« Changer l’étape », « Poser une question »…) shows the form given as
 * an `<ng-template>` (created afresh each time, so it starts from the current data), with the focus on its
 * first field. The form calls `succeeded(message, target?)` once its command is accepted: it closes, the
 * message is announced and focused (or the new item `target` returns, e.g. the question just asked).
 * `cancel()` (its « Annuler » button) or Escape closes it and gives the focus back to the button.
 *
 * ```html
 * <app-on-demand label="Changer l’étape">
 *   <ng-template><app-step-form /></ng-template>
 * </app-on-demand>
 * ```
 * and in the form: `protected readonly onDemand = inject(OnDemand, { optional: true });`
 */
@Component({
  selector: 'app-on-demand',
  imports: [NgTemplateOutlet, Outcome],
  host: { class: 'on-demand' },
  template: `
    <button
      #opener
      type="button"
      class="button"
      [class.button--primary]="primary() && !open()"
      [class.button--small]="small()"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="panelId"
      (click)="open() ? cancel() : show()"
    >
      {{ label() }}@if (labelDetail(); as detail) {<span class="visually-hidden"> {{ detail }}</span>}
    </button>
    <div #panel [id]="panelId" class="on-demand__panel" (keydown.escape)="cancel()">
      @if (open()) {
        <ng-container [ngTemplateOutlet]="content()" />
      }
    </div>
    <div #outcome>
      <app-outcome [success]="message()" />
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OnDemand {
  private readonly injector = inject(Injector);
  private readonly opener = viewChild.required<ElementRef<HTMLButtonElement>>('opener');
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly outcome = viewChild.required<ElementRef<HTMLElement>>('outcome');

  /** The button's text, also the form's purpose. */
  readonly label = input.required<string>();
  /**
   * Said to screen readers after the label when the page shows several such buttons, one per item:
   * `de « Devis du préau »` makes « Déposer une nouvelle version de « Devis du préau » ».
   */
  readonly labelDetail = input<string | null>(null);
  /** The main action of its area: a filled button. */
  readonly primary = input(false, { transform: booleanAttribute });
  /** A small button, as among an item's actions. */
  readonly small = input(false, { transform: booleanAttribute });
  protected readonly content = contentChild.required(TemplateRef);

  protected readonly panelId = `on-demand-${++nextId}`;
  protected readonly open = signal(false);
  /** The last success, shown under the button once the form closed. */
  protected readonly message = signal<string | null>(null);

  protected show(): void {
    this.message.set(null);
    this.open.set(true);
    this.focusAfterRender(() => this.panel().nativeElement.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea'));
  }

  /** Closes the form: its command was accepted. Focus goes to `target` (the new item) when given, else to the message. */
  succeeded(message: string, target?: () => HTMLElement | null): void {
    this.open.set(false);
    this.message.set(message);
    this.focusAfterRender(() => target?.() ?? this.outcome().nativeElement.querySelector<HTMLElement>('.alert--success'));
  }

  /** Closes the form without sending it; the focus goes back to the button that opened it. */
  cancel(): void {
    if (!this.open()) return;
    this.open.set(false);
    this.focusAfterRender(() => this.opener().nativeElement);
  }

  private focusAfterRender(target: () => HTMLElement | null): void {
    afterNextRender(
      () => {
        const element = target();
        if (!element) return;
        if (!element.matches('input, select, textarea, button, a[href]')) element.setAttribute('tabindex', '-1');
        element.focus();
      },
      { injector: this.injector },
    );
  }
}
