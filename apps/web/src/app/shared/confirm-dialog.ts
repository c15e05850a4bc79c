import { ChangeDetectionStrategy, Component, ElementRef, input, signal, viewChild } from '@angular/core';

let nextId = 0;

/**
 * A confirmation in a native modal `<dialog>`: focus goes to « Annuler » when it opens, Escape cancels,
 * and focus returns to the button that opened it. `ask()` resolves true when the person confirms.
 */
@Component({
  selector: 'app-confirm-dialog',
  template: `
    <dialog #dialog class="dialog" [attr.aria-labelledby]="titleId" [attr.aria-describedby]="bodyId" (close)="closed()">
      <form method="dialog" class="dialog__form" (submit)="$event.preventDefault()">
        <h2 [id]="titleId" class="dialog__title">{{ heading() }}</h2>
        <div [id]="bodyId" class="dialog__body">
          <ng-content />
        </div>
        <div class="form-actions">
          <button #cancel type="button" class="button" (click)="answer(false)">Annuler</button>
          <button type="button" class="button button--primary" [class.button--danger]="danger()" (click)="answer(true)">
            {{ confirmLabel() }}
          </button>
        </div>
      </form>
    </dialog>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  readonly heading = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly danger = input(false);

  protected readonly titleId = `dialog-title-${++nextId}`;
  protected readonly bodyId = `dialog-body-${nextId}`;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly cancel = viewChild.required<ElementRef<HTMLButtonElement>>('cancel');
  readonly isOpen = signal(false);

  private resolve: ((confirmed: boolean) => void) | null = null;
  private opener: HTMLElement | null = null;
  private confirmed = false;

  /** Opens the dialog; resolves when it closes (true: confirmed). */
  ask(): Promise<boolean> {
    const dialog = this.dialog().nativeElement;
    this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.confirmed = false;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    this.isOpen.set(true);
    // Destructive actions: the safe choice has the focus first.
    this.cancel().nativeElement.focus();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  protected answer(confirmed: boolean): void {
    this.confirmed = confirmed;
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function') dialog.close();
    else {
      dialog.removeAttribute('open');
      this.closed();
    }
  }

  /** Escape, « Annuler » or the confirmation: settle once and give the focus back. */
  protected closed(): void {
    if (!this.isOpen()) return;
    this.isOpen.set(false);
    this.resolve?.(this.confirmed);
    this.resolve = null;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  }
}
