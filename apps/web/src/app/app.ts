import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@carnet/contracts';
import { filter } from 'rxjs';
import { PersonaStore } from './core/persona';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly persona = inject(PersonaStore);
  protected readonly roleLabels = ROLE_LABELS;
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    // After an in-app navigation, bring keyboard and screen-reader users to the new content.
    let first = true;
    inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (first) {
          first = false;
          return;
        }
        this.main().nativeElement.focus({ preventScroll: true });
      });
  }

  protected choosePersona(id: string): void {
    this.persona.select(id);
  }
}
