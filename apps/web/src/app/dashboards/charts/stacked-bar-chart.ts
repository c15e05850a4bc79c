import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CHART_COLOURS, formatValue } from './chart-palette';
import { ChartDataTable } from './data-table';

export interface StackSeries {
  key: string;
  label: string;
}
export interface StackRow {
  key: string;
  label: string;
  values: Record<string, number>;
}

const ROW_HEIGHT = 52;

/** Horizontal stacked bars (e.g. each commune's projects by step), with a legend and the table. */
@Component({
  selector: 'app-stacked-bar-chart',
  imports: [ChartDataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption class="chart__title">{{ caption() }}</figcaption>
      <ul class="chart__legend" aria-hidden="true">
        @for (s of series(); track s.key; let i = $index) {
          <li><span class="chart__swatch" [style.background]="colourOf(i)"></span>{{ s.label }}</li>
        }
      </ul>
      <svg class="chart__svg" role="img" [attr.aria-label]="summary()" width="100%" [attr.height]="rows().length * rowHeight">
        @for (r of bars(); track r.key; let i = $index) {
          <g>
            <text x="0" [attr.y]="i * rowHeight + 18" class="chart__label">{{ r.label }} : {{ r.total }}</text>
            <rect x="0" [attr.y]="i * rowHeight + 26" height="18" width="100%" class="chart__track" />
            @for (s of r.segments; track s.key) {
              <rect [attr.x]="s.x" [attr.y]="i * rowHeight + 26" height="18" [attr.width]="s.width" [attr.fill]="s.colour" class="chart__segment">
                <title>{{ s.title }}</title>
              </rect>
            }
          </g>
        }
      </svg>
      <app-chart-data-table [caption]="caption()" [columns]="columns()" [rows]="tableRows()" />
    </figure>
  `,
})
export class StackedBarChart {
  readonly caption = input.required<string>();
  readonly series = input.required<StackSeries[]>();
  readonly rows = input.required<StackRow[]>();
  readonly categoryHeader = input('Catégorie');

  protected readonly rowHeight = ROW_HEIGHT;
  protected colourOf(i: number): string {
    return CHART_COLOURS[i % CHART_COLOURS.length];
  }
  private totalOf(r: StackRow): number {
    return this.series().reduce((n, s) => n + (r.values[s.key] ?? 0), 0);
  }
  protected readonly bars = computed(() => {
    const max = Math.max(1, ...this.rows().map((r) => this.totalOf(r)));
    return this.rows().map((r) => {
      let x = 0;
      const segments = this.series()
        .map((s, i) => ({ s, i, value: r.values[s.key] ?? 0 }))
        .filter(({ value }) => value > 0)
        .map(({ s, i, value }) => {
          const width = (value / max) * 100;
          const segment = { key: s.key, x: `${x}%`, width: `${width}%`, colour: this.colourOf(i), title: `${s.label} : ${formatValue(value)}` };
          x += width;
          return segment;
        });
      return { key: r.key, label: r.label, total: formatValue(this.totalOf(r)), segments };
    });
  });
  readonly summary = computed(
    () =>
      `${this.caption()}. ` +
      this.rows()
        .map((r) => `${r.label} : ${formatValue(this.totalOf(r))} (${this.series().filter((s) => (r.values[s.key] ?? 0) > 0).map((s) => `${s.label} ${formatValue(r.values[s.key])}`).join(', ')})`)
        .join(' ; ') +
      '.',
  );
  protected readonly columns = computed(() => [this.categoryHeader(), ...this.series().map((s) => s.label), 'Total']);
  protected readonly tableRows = computed(() =>
    this.rows().map((r) => ({ label: r.label, values: [...this.series().map((s) => formatValue(r.values[s.key] ?? 0)), formatValue(this.totalOf(r))] })),
  );
}
