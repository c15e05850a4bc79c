import { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Projets — Carnet de projets',
    loadComponent: () => import('./projects/project-list/project-list').then((m) => m.ProjectList),
  },
  {
    path: 'projets/nouveau',
    title: 'Nouveau projet — Carnet de projets',
    loadComponent: () => import('./projects/project-create/project-create').then((m) => m.ProjectCreate),
  },
  {
    path: 'projets/:id',
    title: 'Projet — Carnet de projets',
    loadComponent: () => import('./projects/project-page/project-page').then((m) => m.ProjectPage),
  },
  {
    path: '**',
    title: 'Page introuvable — Carnet de projets',
    loadComponent: () => import('./not-found/not-found').then((m) => m.NotFound),
  },
];
