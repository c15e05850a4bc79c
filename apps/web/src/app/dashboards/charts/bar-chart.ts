import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CHART_COLOURS, formatValue } from './chart-palette';
import { ChartDataTable } from './data-table';

export interface BarDatum {
  key: string;
  label: string;
  count: number;
}

const ROW_HEIGHT = 52;

/**
 * Horizontal bars: the label and the value above each bar, in HTML-sized text that never shrinks
 * on a phone (bar widths are percentages of the width, not a scaled drawing).
 */
@Component({
  selector: 'app-bar-chart',
  imports: [ChartDataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption class="chart__title">{{ caption() }}</figcaption>
      @if (total() === 0 && emptyText()) {
        <p class="chart__empty">{{ emptyText() }}</p>
      } @else {
        <svg class="chart__svg" role="img" [attr.aria-label]="summary()" width="100%" [attr.height]="rows().length * rowHeight">
          @for (r of bars(); track r.key; let i = $index) {
            <g>
              <text x="0" [attr.y]="i * rowHeight + 18" class="chart__label">{{ r.label }} : {{ r.value }}</text>
              <rect x="0" [attr.y]="i * rowHeight + 26" height="18" width="100%" class="chart__track" />
              @if (r.count > 0) {
                <rect x="0" [attr.y]="i * rowHeight + 26" height="18" [attr.width]="r.width" [attr.fill]="colour()" />
              }
            </g>
          }
        </svg>
      }
      <app-chart-data-table [caption]="caption()" [columns]="[categoryHeader(), valueHeader()]" [rows]="tableRows()" />
    </figure>
  `,
})
export class BarChart {
  readonly caption = input.required<string>();
  readonly data = input.required<BarDatum[]>();
  /** Header of the table's first column, e.g. « Étape ». */
  readonly categoryHeader = input('Catégorie');
  /** Header of the value column, e.g. « Projets ». */
  readonly valueHeader = input('Nombre');
  readonly colour = input(CHART_COLOURS[0]);
  /** Shown instead of the bars when every count is 0. */
  readonly emptyText = input('');

  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly rows = computed(() => this.data());
  protected readonly total = computed(() => this.data().reduce((n, d) => n + d.count, 0));
  protected readonly bars = computed(() => {
    const max = Math.max(1, ...this.data().map((d) => d.count));
    return this.data().map((d) => ({ ...d, value: formatValue(d.count), width: `${(d.count / max) * 100}%` }));
  });
  /** The text alternative of the drawing: every category and its value. */
  readonly summary = computed(() => `${this.caption()}. ${this.data().map((d) => `${d.label} : ${formatValue(d.count)}`).join(' ; ')}.`);
  protected readonly tableRows = computed(() => this.data().map((d) => ({ label: d.label, values: [formatValue(d.count)] })));
}
