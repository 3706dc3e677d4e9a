import { Box, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe } from '../api/queries.js';
import classes from './AppLayout.module.css';
import { LogoMark } from './Logo.js';
import { NotificationBell } from './NotificationBell.js';
import { UserMenu } from './UserMenu.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';

/** The frame of every signed-in page: a header (home, workspace switcher, account) and one <main>. */
export function AppLayout({
  workspaceId,
  crumbs,
  children,
  wide,
}: {
  workspaceId?: string;
  crumbs?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const me = useMe();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Box component="header" className={classes.header}>
        <Group gap="xs" wrap="nowrap" className={classes.left}>
          <Link
            to={workspaceId ? `/w/${workspaceId}` : '/'}
            aria-label="Colearn home"
            className={classes.home}
          >
            <LogoMark size={28} />
          </Link>
          <Box component="nav" aria-label="Workspace" className={classes.nav}>
            {me.data && <WorkspaceSwitcher me={me.data} currentId={workspaceId} />}
            {crumbs}
          </Box>
        </Group>
        {me.data && (
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenu user={me.data.user} />
          </Group>
        )}
      </Box>
      <Box component="main" id="main" tabIndex={-1} className={wide ? classes.mainWide : classes.main}>
        {children}
      </Box>
    </>
  );
}
