import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Outcome } from './outcome';

@Component({
  imports: [Outcome],
  template: `<app-outcome page [success]="success()" [error]="error()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly success = signal<string | null>(null);
  readonly error = signal<string | null>(null);
}

describe('Outcome', () => {
  let fixture: ComponentFixture<Host>;
  let el: HTMLElement;
  const region = (role: string) => el.querySelector<HTMLElement>(`[role="${role}"]`)!;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  it('has both live regions, empty, before anything happens, so that a later message is announced', () => {
    expect(region('status').textContent!.trim()).toBe('');
    expect(region('alert').textContent!.trim()).toBe('');
    expect(region('status').classList).toContain('feedback--page');
  });

  it('says a success politely and an error as an alert the focus can reach', async () => {
    fixture.componentInstance.success.set('Invitation envoyée.');
    fixture.componentInstance.error.set('Le compte n’a pas pu être désactivé.');
    await fixture.whenStable();
    expect(region('status').textContent!.trim()).toBe('Invitation envoyée.');
    const error = region('alert').querySelector<HTMLElement>('.alert--error')!;
    expect(error.textContent!.trim()).toBe('Le compte n’a pas pu être désactivé.');
    expect(error.tabIndex).toBe(-1);
  });
});
