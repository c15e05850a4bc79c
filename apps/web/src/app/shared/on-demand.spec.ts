import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { OnDemand } from './on-demand';

@Component({
  selector: 'app-probe-form',
  template: `<form><label for="probe">Texte</label><input id="probe" /><button type="button" (click)="onDemand.cancel()">Annuler</button></form>`,
})
class ProbeForm {
  readonly onDemand = inject(OnDemand);
}

@Component({
  imports: [OnDemand, ProbeForm],
  template: `<app-on-demand label="Poser une question"><ng-template><app-probe-form /></ng-template></app-on-demand>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly onDemand = viewChild.required(OnDemand);
}

describe('OnDemand', () => {
  let fixture: ComponentFixture<Host>;
  let el: HTMLElement;
  const opener = () => el.querySelector<HTMLButtonElement>('button[aria-expanded]')!;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    document.body.appendChild(fixture.nativeElement);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });
  afterEach(() => fixture.nativeElement.remove());

  it('shows only its button until asked, then the form with the focus on its first field', async () => {
    expect(el.querySelector('form')).toBeNull();
    expect(opener().getAttribute('aria-expanded')).toBe('false');
    opener().click();
    await fixture.whenStable();
    expect(opener().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.id).toBe('probe');
  });

  it('closes after success and focuses the message, which is announced', async () => {
    opener().click();
    await fixture.whenStable();
    fixture.componentInstance.onDemand().succeeded('Votre question a été envoyée au Département.');
    await fixture.whenStable();
    expect(el.querySelector('form')).toBeNull();
    expect(el.querySelector('[role="status"]')!.textContent).toContain('Votre question a été envoyée au Département.');
    expect(document.activeElement?.textContent).toContain('Votre question a été envoyée');
  });

  it('closes on Escape or « Annuler » and gives the focus back to its button', async () => {
    opener().click();
    await fixture.whenStable();
    el.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(el.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(opener());
    opener().click();
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('form button')!.click();
    await fixture.whenStable();
    expect(el.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(opener());
  });
});
