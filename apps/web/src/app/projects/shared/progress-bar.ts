import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** Progress as a bar and as visible text, announced as « Avancement : 40 % ». */
@Component({
  selector: 'app-progress-bar',
  template: `
    <div class="progress">
      <span class="progress__label" [id]="labelId()">{{ label() }}</span>
      <div
        class="progress__track"
        role="progressbar"
        aria-valuemin="0"
        aria-valuemax="100"
        [attr.aria-valuenow]="value()"
        [attr.aria-valuetext]="value() + ' %'"
        [attr.aria-labelledby]="labelId()"
      >
        <div class="progress__fill" [style.width.%]="value()"></div>
      </div>
      <span class="progress__value" aria-hidden="true">{{ value() }} %</span>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressBar {
  readonly progress = input.required<number>();
  readonly label = input('Avancement');
  /** Unique per page: several bars appear in a list. */
  readonly labelId = input.required<string>();
  protected readonly value = computed(() => Math.max(0, Math.min(100, Math.round(this.progress()))));
}
