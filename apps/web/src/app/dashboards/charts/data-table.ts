import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { chartId } from './chart-palette';

/** The data of a chart as a table, behind a toggle button (WCAG 1.1.1: a text alternative a person can read). */
@Component({
  selector: 'app-chart-data-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="button button--small chart__toggle" [attr.aria-expanded]="open()" [attr.aria-controls]="id" (click)="open.set(!open())">
      {{ open() ? 'Masquer le tableau des données' : 'Afficher le tableau des données' }}
    </button>
    <!-- A wide table scrolls sideways: the region takes the keyboard focus so that arrows scroll it (WCAG 2.1.1). -->
    <div class="table-wrap" [id]="id" [hidden]="!open()" tabindex="0" role="region" [attr.aria-label]="'Données : ' + caption()">
      @if (open()) {
        <table class="table">
          <caption>{{ caption() }}</caption>
          <thead>
            <tr>
              @for (c of columns(); track $index) {
                <th scope="col">{{ c }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (r of rows(); track $index) {
              <tr>
                <th scope="row">{{ r.label }}</th>
                @for (v of r.values; track $index) {
                  <td>{{ v }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      }
    </div>
  `,
})
export class ChartDataTable {
  readonly caption = input.required<string>();
  /** Header of every column, the row label's first. */
  readonly columns = input.required<string[]>();
  readonly rows = input.required<Array<{ label: string; values: string[] }>>();
  protected readonly open = signal(false);
  protected readonly id = chartId('chart-table');
}
