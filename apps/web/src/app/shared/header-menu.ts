import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';

let nextId = 0;

/**
 * A disclosure of the header (« Plus », the account): a button that shows or hides a panel of links
 * or actions. It closes when a link is followed, on Escape (focus back on the button) and on a click
 * elsewhere. On a phone the whole header is already folded behind « Menu »: the panel is simply shown
 * there and the button hidden (styles.css, `.header-menu`).
 */
@Component({
  selector: 'app-header-menu',
  host: { class: 'header-menu', '(document:click)': 'clickedSomewhere($event)', '(keydown.escape)': 'escape()' },
  template: `
    <button #toggle type="button" class="header-menu__toggle" [attr.aria-expanded]="open()" [attr.aria-controls]="id" (click)="open.set(!open())">
      <ng-content select="[headerMenuLabel]" /><span class="header-menu__caret" aria-hidden="true"></span>
    </button>
    <div class="header-menu__panel" [class.header-menu__panel--end]="alignEnd()" [id]="id" [class.is-open]="open()" (click)="followed($event)">
      <ng-content />
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeaderMenu {
  /** Opens the panel towards the left (the last item of the header). */
  readonly alignEnd = input(false);
  protected readonly open = signal(false);
  protected readonly id = `header-menu-${++nextId}`;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly toggle = viewChild.required<ElementRef<HTMLButtonElement>>('toggle');

  close(): void {
    this.open.set(false);
  }

  protected clickedSomewhere(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.open.set(false);
  }

  protected escape(): void {
    if (!this.open()) return;
    this.open.set(false);
    this.toggle().nativeElement.focus();
  }

  protected followed(event: Event): void {
    if ((event.target as HTMLElement).closest('a, button')) this.open.set(false);
  }
}
