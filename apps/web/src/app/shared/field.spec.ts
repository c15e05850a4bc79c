import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Field, FieldControl } from './field';

@Component({
  imports: [Field, FieldControl],
  template: `
    <app-field label="Titre" [required]="required()" [hint]="hint()" [error]="error()">
      <input appFieldControl id="title" name="title" type="text" />
    </app-field>
    <app-field label="Thème">
      <select appFieldControl [id]="'theme'" name="theme"><option value="">Choisir</option></select>
    </app-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly required = signal(false);
  readonly hint = signal<string | null>(null);
  readonly error = signal<string | null | undefined>(null);
}

describe('Field', () => {
  let fixture: ComponentFixture<Host>;
  let el: HTMLElement;

  const input = () => el.querySelector<HTMLInputElement>('#title')!;
  const labelOf = (control: HTMLElement) => el.querySelector<HTMLLabelElement>(`label[for="${control.id}"]`);
  const set = async (change: (host: Host) => void) => {
    change(fixture.componentInstance);
    await fixture.whenStable();
  };

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  describe('when the field has neither hint nor error', () => {
    it('labels the control it wraps, keeping the control’s id', () => {
      expect(labelOf(input())!.textContent!.trim()).toBe('Titre');
      expect(input().labels?.[0]?.textContent?.trim()).toBe('Titre');
    });

    it('labels a control whose id is bound', () => {
      const select = el.querySelector<HTMLSelectElement>('select')!;
      expect(select.id).toBe('theme');
      expect(select.labels?.[0]?.textContent?.trim()).toBe('Thème');
    });

    it('describes the control by nothing and does not mark it invalid', () => {
      expect(input().hasAttribute('aria-describedby')).toBe(false);
      expect(input().hasAttribute('aria-invalid')).toBe(false);
      expect(el.querySelector('.hint')).toBeNull();
      expect(el.querySelector('.field-error')).toBeNull();
    });

    it('gives its host the « field » class the forms are styled with', () => {
      expect(el.querySelectorAll('app-field.field')).toHaveLength(2);
    });
  });

  describe('when the field is required', () => {
    it('adds « * » to the label', async () => {
      await set((host) => host.required.set(true));
      expect(input().labels?.[0]?.textContent?.trim()).toBe('Titre *');
    });
  });

  describe('when the field has a hint', () => {
    it('shows it and links it through aria-describedby', async () => {
      await set((host) => host.hint.set('Par exemple : « Rénovation du toit de l’école ».'));
      const hint = el.querySelector('#title-hint')!;
      expect(hint.textContent).toBe('Par exemple : « Rénovation du toit de l’école ».');
      expect(hint.classList).toContain('hint');
      expect(input().getAttribute('aria-describedby')).toBe('title-hint');
      expect(input().hasAttribute('aria-invalid')).toBe(false);
    });
  });

  describe('when the field has an error', () => {
    it('shows the message, links it and marks the control invalid', async () => {
      await set((host) => host.error.set('Indiquez le titre du projet.'));
      const error = el.querySelector('#title-error')!;
      expect(error.textContent).toBe('Indiquez le titre du projet.');
      expect(error.classList).toContain('field-error');
      expect(input().getAttribute('aria-describedby')).toBe('title-error');
      expect(input().getAttribute('aria-invalid')).toBe('true');
    });

    it('links the hint first, then the error', async () => {
      await set((host) => {
        host.hint.set('Facultatif.');
        host.error.set('Indiquez un montant positif.');
      });
      expect(input().getAttribute('aria-describedby')).toBe('title-hint title-error');
    });

    it('clears the link and the mark once the error is gone', async () => {
      await set((host) => host.error.set('Indiquez le titre du projet.'));
      await set((host) => host.error.set(undefined));
      expect(el.querySelector('#title-error')).toBeNull();
      expect(input().hasAttribute('aria-describedby')).toBe(false);
      expect(input().hasAttribute('aria-invalid')).toBe(false);
    });
  });
});
