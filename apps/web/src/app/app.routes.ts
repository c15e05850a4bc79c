import { Routes } from '@angular/router';
import { LEGAL_SLUGS, LEGAL_TITLES } from '@carnet/contracts';
import { administrationHome, dashboardOfRole, nationalAdminHome, requireLogin, searchOrPortal, sessionCheck } from './core/guards';

const title = (page: string) => `${page} — Carnet de projets`;

export const routes: Routes = [
  {
    path: '',
    canActivateChild: [sessionCheck],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: title('Projets'),
        // The projects of one's commune, or all for the Département; the public reads the portal; a national
        // administrator, who sees no project, the Départements.
        canActivate: [requireLogin, nationalAdminHome],
        loadComponent: () => import('./projects/project-list/project-list').then((m) => m.ProjectList),
      },
      {
        path: 'projets/nouveau',
        title: title('Nouveau projet'),
        canActivate: [requireLogin],
        loadComponent: () => import('./projects/project-create/project-create').then((m) => m.ProjectCreate),
      },
      {
        // No route title: the page names itself after the project and the section shown.
        path: 'projets/:id',
        loadComponent: () => import('./projects/project-page/project-page').then((m) => m.ProjectPage),
        // One child route per section (« Questions », « Documents »…): see project-sections.ts.
        loadChildren: () => import('./projects/project-page/project-sections').then((m) => m.PROJECT_SECTION_ROUTES),
      },
      {
        path: 'carte',
        title: title('Carte des projets'),
        canActivate: [requireLogin],
        loadComponent: () => import('./map/projects-map-page').then((m) => m.ProjectsMapPage),
      },
      {
        path: 'simulateur',
        title: title('Estimer les aides'),
        canActivate: [requireLogin],
        loadComponent: () => import('./financing/simulator-page').then((m) => m.SimulatorPage),
      },
      {
        path: 'recherche',
        title: title('Recherche'),
        canActivate: [searchOrPortal],
        loadComponent: () => import('./search/search-page').then((m) => m.SearchPage),
      },
      {
        path: 'tableau-de-bord',
        title: title('Tableau de bord du Département'),
        canActivate: [requireLogin, dashboardOfRole],
        loadComponent: () => import('./dashboards/departement-dashboard').then((m) => m.DepartementDashboardPage),
      },
      {
        path: 'tableau-de-bord/communes/:codeInsee',
        title: title('Tableau de bord de la commune'),
        canActivate: [requireLogin],
        loadComponent: () => import('./dashboards/commune-dashboard').then((m) => m.CommuneDashboardPage),
      },
      {
        path: 'faq',
        canActivate: [requireLogin],
        loadChildren: () => import('./faq/faq.routes').then((m) => m.FAQ_ROUTES),
      },
      {
        path: 'a-traiter',
        title: title('À traiter'),
        canActivate: [requireLogin],
        loadComponent: () => import('./follow-up/waiting-queue').then((m) => m.WaitingQueue),
      },
      {
        path: 'annuaire',
        title: title('Annuaire des contacts'),
        canActivate: [requireLogin],
        loadComponent: () => import('./follow-up/contacts-directory').then((m) => m.ContactsDirectory),
      },
      {
        path: 'connexion',
        title: title('Se connecter'),
        loadComponent: () => import('./auth/login/login').then((m) => m.Login),
      },
      {
        path: 'invitation/:token',
        title: title('Invitation'),
        loadComponent: () => import('./auth/invitation/invitation').then((m) => m.InvitationPage),
      },
      {
        path: 'mot-de-passe-oublie',
        title: title('Mot de passe oublié'),
        loadComponent: () => import('./auth/forgot-password/forgot-password').then((m) => m.ForgotPassword),
      },
      {
        path: 'mot-de-passe/:token',
        title: title('Nouveau mot de passe'),
        loadComponent: () => import('./auth/reset-password/reset-password').then((m) => m.ResetPassword),
      },
      {
        path: 'mon-compte',
        title: title('Mon compte'),
        canActivate: [requireLogin],
        loadComponent: () => import('./auth/my-account/my-account').then((m) => m.MyAccount),
      },
      {
        path: 'notifications',
        title: title('Notifications'),
        canActivate: [requireLogin],
        loadComponent: () => import('./notifications/inbox/inbox').then((m) => m.Inbox),
      },
      {
        path: 'acces-retire',
        title: title('Accès retiré'),
        loadComponent: () => import('./auth/access-removed/access-removed').then((m) => m.AccessRemoved),
      },
      {
        path: 'ma-commune',
        title: title('Ma commune'),
        canActivate: [requireLogin],
        loadComponent: () => import('./commune/commune-seats/commune-seats').then((m) => m.CommuneSeats),
      },
      {
        path: 'communes/:codeInsee/membres',
        title: title('Membres de la commune'),
        canActivate: [requireLogin],
        loadComponent: () => import('./commune/commune-seats/commune-seats').then((m) => m.CommuneSeats),
      },
      {
        path: 'audit',
        title: title('Audit'),
        canActivate: [requireLogin],
        loadComponent: () => import('./audit/audit-home').then((m) => m.AuditHome),
      },
      {
        path: 'audit/projets/:id',
        title: title('Audit du projet'),
        canActivate: [requireLogin],
        loadComponent: () => import('./audit/audit-project').then((m) => m.AuditProject),
      },
      {
        path: 'administration',
        canActivate: [requireLogin],
        loadComponent: () => import('./admin/admin-shell').then((m) => m.AdminShell),
        children: [
          // A national administrator starts from the Départements; anyone else from the communes.
          { path: '', pathMatch: 'full', canActivate: [administrationHome], children: [] },
          {
            path: 'departements',
            title: title('Administration : départements'),
            loadComponent: () => import('./admin/admin-departements').then((m) => m.AdminDepartements),
          },
          {
            path: 'communes',
            title: title('Administration : communes'),
            loadComponent: () => import('./admin/admin-communes').then((m) => m.AdminCommunes),
          },
          {
            path: 'partenaires',
            title: title('Administration : partenaires'),
            loadComponent: () => import('./admin/admin-organisations').then((m) => m.AdminOrganisations),
          },
          {
            path: 'comptes',
            title: title('Administration : comptes'),
            loadComponent: () => import('./admin/admin-accounts').then((m) => m.AdminAccounts),
          },
          {
            path: 'regles-de-financement',
            title: title('Administration : règles de financement'),
            loadComponent: () => import('./financing/rule-sets-admin').then((m) => m.RuleSetsAdmin),
          },
        ],
      },
      // The legal pages every public-sector site shows in its footer: open to everybody.
      ...LEGAL_SLUGS.map((page) => ({
        path: page,
        title: title(LEGAL_TITLES[page]),
        data: { page },
        loadComponent: () => import('./legal/legal-page').then((m) => m.LegalPageView),
      })),
      {
        path: '**',
        title: title('Page introuvable'),
        loadComponent: () => import('./not-found/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
