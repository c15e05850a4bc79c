import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { NotificationItem } from '@carnet/contracts';
import { Inbox } from './inbox';

const item = (id: string, read: boolean): NotificationItem => ({
  id,
  position: id === 'n1' ? 2 : 1,
  at: '2026-12-02T09:00:00Z',
  projectId: 'p1',
  projectTitle: 'Toiture de la mairie',
  communeName: 'Ableiges',
  text: 'Sophie Bernard a répondu à une question.',
  link: '/projets/p1',
  read,
});

describe('Inbox', () => {
  let fixture: ComponentFixture<Inbox>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Inbox], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Inbox);
    el = fixture.nativeElement;
    backend.expectOne('/api/notifications').flush({ items: [item('n1', false), item('n2', true)], unread: 1 });
    await settle();
  });

  afterEach(() => {
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  it('lists the notifications with their project link and says how many are unread', () => {
    expect(el.querySelectorAll('.inbox__item').length).toBe(2);
    expect(el.textContent).toContain('1 notification non lue.');
    expect(el.querySelector('.inbox__item a')!.getAttribute('href')).toBe('/projets/p1');
    expect(el.querySelector('.inbox__item--unread')!.textContent).toContain('Non lue');
  });

  describe('when the person marks one read', () => {
    it('tells the API, then shows it read and says so', async () => {
      el.querySelector<HTMLButtonElement>('.inbox__item--unread button')!.click();
      backend.expectOne({ method: 'POST', url: '/api/notifications/n1/read' }).flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      backend.expectOne('/api/notifications/unread-count').flush({ unread: 0 });
      await settle();
      expect(el.querySelector('.inbox__item--unread')).toBeNull();
      expect(el.textContent).toContain('Tout est lu.');
      expect(el.textContent).toContain('Notification marquée comme lue.');
    });
  });
});
