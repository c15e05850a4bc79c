import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { answerParts } from '@carnet/contracts';

/** An answer in plain text: paragraphs kept, web addresses shown as links (nothing else is interpreted). */
@Component({
  selector: 'app-answer-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (p of paragraphs(); track $index) {
      <p class="prewrap">@for (part of p; track $index) {@if (part.href) {<a [href]="part.href" rel="noopener">{{ part.text }}</a>} @else {{{ part.text }}}}</p>
    }
  `,
})
export class AnswerText {
  readonly text = input.required<string>();
  protected readonly paragraphs = computed(() => this.text().split(/\n{2,}/).map(answerParts));
}
