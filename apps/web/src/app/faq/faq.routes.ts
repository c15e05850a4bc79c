import type { Routes } from '@angular/router';
import { requireLogin } from '../core/guards';

const title = (page: string) => `${page} — Carnet de projets`;

/** The FAQ's screens (issue #11), loaded with the `/faq` route. */
export const FAQ_ROUTES: Routes = [
  { path: '', title: title('Questions fréquentes'), loadComponent: () => import('./faq-page').then((m) => m.FaqPage) },
  { path: 'nouvelle', title: title('Nouvelle entrée de la FAQ'), canActivate: [requireLogin], loadComponent: () => import('./faq-new').then((m) => m.FaqNew) },
  { path: 'proposer', title: title('Proposer une entrée de la FAQ'), canActivate: [requireLogin], loadComponent: () => import('./faq-new').then((m) => m.FaqNew) },
  { path: 'a-revoir', title: title('À revoir dans la FAQ'), canActivate: [requireLogin], loadComponent: () => import('./faq-review').then((m) => m.FaqReviewPage) },
  { path: 'depuis-question', title: title('Proposer pour la FAQ'), canActivate: [requireLogin], loadComponent: () => import('./faq-from-question').then((m) => m.FaqFromQuestion) },
  { path: ':id', title: title('Entrée de la FAQ'), canActivate: [requireLogin], loadComponent: () => import('./faq-entry-page').then((m) => m.FaqEntryPage) },
];
