import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';

import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  createBrowserRouter,
  isRouteErrorResponse,
  Outlet,
  RouterProvider,
  useRouteError,
} from 'react-router';
import { createQueryClient } from './api/queries.js';
import { CrashPage, ErrorBoundary } from './components/ErrorBoundary.js';
import { PageLoader } from './components/PageState.js';
import { RequireAuth } from './components/RequireAuth.js';
import { CreateWorkspacePage } from './pages/Home/CreateWorkspacePage.js';
import { HomePage } from './pages/Home/HomePage.js';
import { InvitationPage } from './pages/Invitation/InvitationPage.js';
import { NotFoundPage } from './pages/NotFound/NotFoundPage.js';
import { SignInPage } from './pages/SignIn/SignInPage.js';
import { SignUpPage } from './pages/SignUp/SignUpPage.js';
import { WorkspaceHomePage } from './pages/WorkspaceHome/WorkspaceHomePage.js';
import { cssVariablesResolver, theme } from './theme.js';

const queryClient = createQueryClient();

function Guarded() {
  return (
    <RequireAuth>
      <Outlet />
    </RequireAuth>
  );
}

/** Errors thrown while rendering a route: a 404 looks like one, anything else is explained. */
function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <CrashPage error={error} />;
}

const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    // Shown while a lazily loaded screen arrives on the first page load.
    hydrateFallbackElement: <PageLoader />,
    children: [
      { path: '/signin', element: <SignInPage /> },
      { path: '/signup', element: <SignUpPage /> },
      { path: '/invite/:token', element: <InvitationPage /> },
      {
        path: '/forgot-password',
        lazy: () =>
          import('./pages/Password/ForgotPasswordPage.js').then((m) => ({ Component: m.ForgotPasswordPage })),
      },
      {
        path: '/reset-password/:token',
        lazy: () =>
          import('./pages/Password/ResetPasswordPage.js').then((m) => ({ Component: m.ResetPasswordPage })),
      },
      {
        element: <Guarded />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/new-workspace', element: <CreateWorkspacePage /> },
          { path: '/w/:workspaceId', element: <WorkspaceHomePage /> },
          // The two heaviest screens load on first use, so signing in stays light.
          {
            path: '/w/:workspaceId/new',
            lazy: () =>
              import('./pages/FrameInquiry/FrameInquiryPage.js').then((m) => ({
                Component: m.FrameInquiryPage,
              })),
          },
          {
            path: '/w/:workspaceId/settings',
            lazy: () =>
              import('./pages/Settings/WorkspaceSettingsPage.js').then((m) => ({
                Component: m.WorkspaceSettingsPage,
              })),
          },
          {
            path: '/i/:inquiryId',
            lazy: () => import('./pages/Board/BoardPage.js').then((m) => ({ Component: m.BoardPage })),
          },
          {
            path: '/i/:inquiryId/map',
            lazy: () => import('./pages/Map/MapPage.js').then((m) => ({ Component: m.MapPage })),
          },
          {
            path: '/w/:workspaceId/webhooks',
            lazy: () =>
              import('./pages/Webhooks/WebhooksPage.js').then((m) => ({ Component: m.WebhooksPage })),
          },
          {
            path: '/account/notifications',
            lazy: () =>
              import('./pages/Account/NotificationSettingsPage.js').then((m) => ({
                Component: m.NotificationSettingsPage,
              })),
          },
          {
            path: '/account/password',
            lazy: () => import('./pages/Account/PasswordPage.js').then((m) => ({ Component: m.PasswordPage })),
          },
          {
            path: '/account/tokens',
            lazy: () =>
              import('./pages/Account/ApiTokensPage.js').then((m) => ({ Component: m.ApiTokensPage })),
          },
          {
            path: '/i/:inquiryId/print',
            lazy: () => import('./pages/Print/PrintPage.js').then((m) => ({ Component: m.PrintPage })),
          },
          {
            path: '/i/:inquiryId/people',
            lazy: () => import('./pages/People/PeoplePage.js').then((m) => ({ Component: m.PeoplePage })),
          },
          {
            path: '/i/:inquiryId/console',
            lazy: () => import('./pages/Console/ConsolePage.js').then((m) => ({ Component: m.ConsolePage })),
          },
          {
            path: '/w/:workspaceId/resilience',
            lazy: () =>
              import('./pages/Resilience/WorkspaceResiliencePage.js').then((m) => ({
                Component: m.WorkspaceResiliencePage,
              })),
          },
          {
            path: '/w/:workspaceId/library',
            lazy: () => import('./pages/Library/LibraryPage.js').then((m) => ({ Component: m.LibraryPage })),
          },
          {
            path: '/i/:inquiryId/card',
            lazy: () =>
              import('./pages/Library/LibraryCardPage.js').then((m) => ({ Component: m.LibraryCardPage })),
          },
          {
            path: '/help',
            lazy: () => import('./pages/Help/HelpPage.js').then((m) => ({ Component: m.HelpPage })),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="bottom-right" limit={4} />
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ErrorBoundary>
    </MantineProvider>
  </StrictMode>,
);
