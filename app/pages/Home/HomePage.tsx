import { Navigate } from 'react-router';
import { useMe } from '../../api/queries.js';
import { CreateWorkspacePage } from './CreateWorkspacePage.js';

export const LAST_WORKSPACE_KEY = 'colearn:lastWorkspace';

/** `/`: straight into the workspace you used last, or "create your workspace" when you have none. */
export function HomePage() {
  const me = useMe();
  const workspaces = me.data?.workspaces ?? [];
  if (workspaces.length === 0) return <CreateWorkspacePage first />;
  const last = localStorage.getItem(LAST_WORKSPACE_KEY);
  const target = workspaces.find((w) => w.id === last) ?? workspaces[0];
  return <Navigate to={`/w/${target?.id}`} replace />;
}
