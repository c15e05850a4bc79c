import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CHART_COLOURS, LINE_DASHES, formatValue } from './chart-palette';
import { ChartDataTable } from './data-table';

export interface LineSeries {
  key: string;
  label: string;
  /** One value per category; null leaves a gap. */
  values: Array<number | null>;
}

/**
 * Lines over categories (months): the drawing stretches to the width (non-scaling strokes), the
 * text stays in HTML around it so it is never squeezed; each series has its own dash pattern.
 */
@Component({
  selector: 'app-line-chart',
  imports: [ChartDataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption class="chart__title">{{ caption() }}</figcaption>
      <ul class="chart__legend" aria-hidden="true">
        @for (s of lines(); track s.key) {
          <li>
            <svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" [attr.stroke]="s.colour" stroke-width="3" [attr.stroke-dasharray]="s.dash" /></svg>
            {{ s.label }}
          </li>
        }
      </ul>
      <div class="chart__plot">
        <span class="chart__axis-max" aria-hidden="true">{{ maxLabel() }}</span>
        <svg class="chart__svg chart__svg--line" role="img" [attr.aria-label]="summary()" viewBox="0 0 100 50" preserveAspectRatio="none" width="100%" height="160">
          <line x1="0" y1="50" x2="100" y2="50" class="chart__axis" vector-effect="non-scaling-stroke" />
          <line x1="0" y1="0" x2="100" y2="0" class="chart__grid" vector-effect="non-scaling-stroke" />
          @for (s of lines(); track s.key) {
            @for (segment of s.segments; track $index) {
              <polyline [attr.points]="segment" fill="none" [attr.stroke]="s.colour" stroke-width="3" [attr.stroke-dasharray]="s.dash" vector-effect="non-scaling-stroke" />
            }
            @for (p of s.points; track $index) {
              <!-- A zero-length line with round caps: a dot that stays round however the drawing stretches. -->
              <line class="chart__dot" [attr.x1]="p.x" [attr.y1]="p.y" [attr.x2]="p.x" [attr.y2]="p.y" [attr.stroke]="s.colour" stroke-width="7" stroke-linecap="round" vector-effect="non-scaling-stroke" />
            }
          }
        </svg>
        <span class="chart__axis-min" aria-hidden="true">0</span>
      </div>
      <ol class="chart__categories" aria-hidden="true">
        @for (c of categories(); track $index; let i = $index) {
          <li [class.chart__category--minor]="(categories().length - 1 - i) % 3 !== 0">{{ c }}</li>
        }
      </ol>
      <app-chart-data-table [caption]="caption()" [columns]="columns()" [rows]="tableRows()" />
    </figure>
  `,
})
export class LineChart {
  readonly caption = input.required<string>();
  readonly categories = input.required<string[]>();
  readonly series = input.required<LineSeries[]>();
  readonly categoryHeader = input('Mois');

  private readonly max = computed(() => Math.max(1, ...this.series().flatMap((s) => s.values.filter((v): v is number => v !== null))));
  protected readonly maxLabel = computed(() => formatValue(this.max()));
  protected readonly lines = computed(() => {
    const n = this.categories().length;
    const x = (i: number) => (n <= 1 ? 50 : (i / (n - 1)) * 100);
    const y = (v: number) => 50 - (v / this.max()) * 48;
    return this.series().map((s, index) => {
      // A null value breaks the line into separate segments.
      const segments: string[] = [];
      let current: string[] = [];
      s.values.forEach((v, i) => {
        if (v === null) {
          if (current.length) segments.push(current.join(' '));
          current = [];
        } else current.push(`${x(i)},${y(v)}`);
      });
      if (current.length) segments.push(current.join(' '));
      // Every value also gets a dot, so that a value between two gaps still shows.
      const points = s.values.flatMap((v, i) => (v === null ? [] : [{ x: x(i), y: y(v) }]));
      return {
        key: s.key,
        label: s.label,
        colour: CHART_COLOURS[index % CHART_COLOURS.length],
        dash: LINE_DASHES[index % LINE_DASHES.length],
        segments: segments.filter((seg) => seg.includes(' ')),
        points,
      };
    });
  });
  readonly summary = computed(
    () =>
      `${this.caption()}, de ${this.categories()[0] ?? ''} à ${this.categories()[this.categories().length - 1] ?? ''}. ` +
      this.series()
        .map((s) => `${s.label} : ${s.values.map((v, i) => `${this.categories()[i]} ${formatValue(v)}`).join(', ')}`)
        .join(' ; ') +
      '.',
  );
  protected readonly columns = computed(() => [this.categoryHeader(), ...this.series().map((s) => s.label)]);
  protected readonly tableRows = computed(() =>
    this.categories().map((c, i) => ({ label: c, values: this.series().map((s) => formatValue(s.values[i] ?? null)) })),
  );
}
