import { ChangeDetectionStrategy, Component, Directive, booleanAttribute, computed, contentChild, inject, input } from '@angular/core';

/**
 * Marks the input, select or textarea of an `<app-field>`: it keeps its own `id`, and the field sets its
 * `aria-invalid` and `aria-describedby` (hint, then error) so that no form wires them by hand.
 */
@Directive({
  selector: 'input[appFieldControl], select[appFieldControl], textarea[appFieldControl]',
  host: {
    '[id]': 'id()',
    '[attr.aria-invalid]': 'field.invalid() ? true : null',
    '[attr.aria-describedby]': 'field.describedBy()',
  },
})
export class FieldControl {
  protected readonly field = inject(Field);
  /** The control's id: the label's `for`, and the stem of the hint's and the error's ids. */
  readonly id = input.required<string>();
}

/**
 * One form field: its label (« * » when required), the projected control, an optional hint and the error
 * (« ⚠ … » through `.field-error`). The hint's id is `<control id>-hint` and the error's `<control id>-error`.
 *
 * ```html
 * <app-field label="Titre" required hint="Par exemple : …" [error]="errors()['title']">
 *   <input appFieldControl id="title" name="title" type="text" [(ngModel)]="title" />
 * </app-field>
 * ```
 */
@Component({
  selector: 'app-field',
  host: { class: 'field' },
  template: `
    <label [for]="controlId()">{{ required() ? label() + ' *' : label() }}</label>
    <ng-content />
    @if (hint(); as text) {
      <p [id]="hintId()" class="hint">{{ text }}</p>
    }
    @if (error(); as text) {
      <p [id]="errorId()" class="field-error">{{ text }}</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Field {
  /** The label's text, without the « * ». */
  readonly label = input.required<string>();
  /** Only adds « * » to the label: the control keeps its own `required` attribute, if any. */
  readonly required = input(false, { transform: booleanAttribute });
  readonly hint = input<string | null>(null);
  /** The message to show, usually `errors()['<field name>']`; none means the field is valid. */
  readonly error = input<string | null | undefined>(null);

  private readonly control = contentChild(FieldControl);
  protected readonly controlId = computed(() => this.control()?.id() ?? null);
  protected readonly hintId = computed(() => `${this.controlId()}-hint`);
  protected readonly errorId = computed(() => `${this.controlId()}-error`);

  readonly invalid = computed(() => !!this.error());
  readonly describedBy = computed(() => {
    const ids = [this.hint() ? this.hintId() : null, this.invalid() ? this.errorId() : null].filter((id) => id !== null);
    return ids.length ? ids.join(' ') : null;
  });
}
