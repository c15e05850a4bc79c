import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FollowButton } from './follow-button';

describe('FollowButton', () => {
  let fixture: ComponentFixture<FollowButton>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [FollowButton], providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FollowButton);
    fixture.componentRef.setInput('projectId', 'p1');
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  it('shows nothing to a person who may not follow the project', async () => {
    backend.expectOne('/api/projects/p1/follow').flush({ type: 'about:blank', title: 'Projet introuvable', status: 404 }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(el.querySelector('button')).toBeNull();
  });

  it('stops and starts following with DELETE and PUT, saying what the person now receives', async () => {
    backend.expectOne('/api/projects/p1/follow').flush({ following: true, byDefault: true });
    await settle();
    const button = () => el.querySelector<HTMLButtonElement>('button')!;
    // The button says what it does (no aria-pressed: its label changes), the line under it where things stand.
    expect(button().textContent?.trim()).toBe('Ne plus suivre ce projet');
    expect(button().hasAttribute('aria-pressed')).toBe(false);
    expect(el.textContent).toContain('Vous recevez les notifications de ce projet.');
    button().click();
    backend.expectOne({ method: 'DELETE', url: '/api/projects/p1/follow' }).flush({ following: false, byDefault: true });
    await settle();
    expect(button().textContent?.trim()).toBe('Suivre ce projet');
    expect(el.textContent).toContain('Vous ne recevez pas les notifications de ce projet.');
    button().click();
    backend.expectOne({ method: 'PUT', url: '/api/projects/p1/follow' }).flush({ following: true, byDefault: true });
    await settle();
    expect(button().textContent?.trim()).toBe('Ne plus suivre ce projet');
  });
});
