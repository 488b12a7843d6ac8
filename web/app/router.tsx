import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Permission } from '../../shared/contracts/auth.ts';
import { NotFound, RouteError } from './fallbacks.tsx';
import { Allowed } from './allowed.tsx';
import { Home } from './home.tsx';
import { MENU_PAGES } from './menu-pages.ts';
import { Layout } from './layout.tsx';
import { RequireSession } from './require-session.tsx';
import { LoginPage } from '../features/auth/components/login-page.tsx';

const OrganizationListPage = lazy(() =>
  import('../features/organizations/components/organization-list-page.tsx').then((m) => ({
    default: m.OrganizationListPage,
  })),
);
const OrganizationDetailPage = lazy(() =>
  import('../features/organizations/components/organization-detail-page.tsx').then((m) => ({
    default: m.OrganizationDetailPage,
  })),
);
const OrganizationCreatePage = lazy(() =>
  import('../features/organizations/components/organization-create-page.tsx').then((m) => ({
    default: m.OrganizationCreatePage,
  })),
);
const OrganizationEditPage = lazy(() =>
  import('../features/organizations/components/organization-edit-page.tsx').then((m) => ({
    default: m.OrganizationEditPage,
  })),
);
const DashboardPage = lazy(() =>
  import('../features/dashboard/components/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
);
const ImportPage = lazy(() =>
  import('../features/imports/components/import-page.tsx').then((m) => ({ default: m.ImportPage })),
);
const ProfilePage = lazy(() =>
  import('../features/auth/components/profile-page.tsx').then((m) => ({ default: m.ProfilePage })),
);
const UsersPage = lazy(() =>
  import('../features/users/components/users-page.tsx').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/components/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
);
const ReportPage = lazy(() =>
  import('../features/reports/components/report-page.tsx').then((m) => ({ default: m.ReportPage })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/components/reports-page.tsx').then((m) => ({ default: m.ReportsPage })),
);
const GradePage = lazy(() =>
  import('../features/grading/components/grade-page.tsx').then((m) => ({ default: m.GradePage })),
);
const FieldReviewsPage = lazy(() =>
  import('../features/field-reviews/components/field-reviews-page.tsx').then((m) => ({
    default: m.FieldReviewsPage,
  })),
);
const FieldReviewPage = lazy(() =>
  import('../features/field-reviews/components/field-review-page.tsx').then((m) => ({ default: m.FieldReviewPage })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/components/settings-page.tsx').then((m) => ({ default: m.SettingsPage })),
);
const AdminUnitsPage = lazy(() =>
  import('../features/admin-units/components/admin-units-page.tsx').then((m) => ({ default: m.AdminUnitsPage })),
);

const menuNeeds: Record<string, Permission | undefined> = MENU_PAGES;

/**
 * The signed-in pages. One that needs a permission (the menu's, MENU_PAGES, or its own `needs`)
 * tells the roles without it so (Allowed).
 */
const pages = (list: { path: string; element: ReactNode; needs?: Permission }[]): RouteObject[] =>
  list.map(({ path, element, needs = menuNeeds[path] }) => ({
    path,
    element: needs ? <Allowed needs={needs}>{element}</Allowed> : element,
  }));

export const router = createBrowserRouter([
  { path: 'login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      ...pages([
        { path: 'dashboard', element: <DashboardPage /> },
        { path: 'organizations', element: <OrganizationListPage /> },
        { path: 'organizations/new', element: <OrganizationCreatePage />, needs: 'organizations.create' },
        { path: 'organizations/:id', element: <OrganizationDetailPage /> },
        { path: 'organizations/:id/edit', element: <OrganizationEditPage />, needs: 'organizations.update' },
        { path: 'imports', element: <ImportPage /> },
        { path: 'admin-units', element: <AdminUnitsPage /> },
        { path: 'organizations/:id/reports/:period', element: <ReportPage /> },
        { path: 'organizations/:id/grades/:year', element: <GradePage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'field-reviews', element: <FieldReviewsPage /> },
        { path: 'field-reviews/new', element: <FieldReviewPage />, needs: 'reviews.edit' },
        { path: 'field-reviews/:id', element: <FieldReviewPage />, needs: MENU_PAGES['field-reviews'] },
        { path: 'profile', element: <ProfilePage /> },
        { path: 'users', element: <UsersPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: 'settings', element: <SettingsPage /> },
      ]),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
