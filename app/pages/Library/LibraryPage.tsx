import { Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { SearchFilters } from '../../api/library.js';
import { useWorkspace } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { PageError } from '../../components/PageState.js';
import { LibrarySearch, type SearchChange } from './LibrarySearch.js';
import { filtersFromParams, paramsFromFilters } from './searchState.js';

// The team's library: what every inquiry learned, searchable. The search lives in the URL, so a search can
// be shared and the back button steps through it.

export function LibraryPage() {
  const { workspaceId = '' } = useParams();
  const workspace = useWorkspace(workspaceId);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const onChange: SearchChange = useCallback(
    (next: SearchFilters, options) => setParams(paramsFromFilters(next), { replace: options?.replace }),
    [setParams],
  );

  useEffect(() => {
    if (workspace.data) document.title = `Library · ${workspace.data.workspace.name} · Colearn`;
  }, [workspace.data]);

  if (workspace.isError) {
    return (
      <AppLayout workspaceId={workspaceId}>
        <PageError error={workspace.error} onRetry={() => workspace.refetch()} />
      </AppLayout>
    );
  }

  return (
    <AppLayout workspaceId={workspaceId}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            Library
          </Title>
          <Text c="dimmed">
            What the team has already found out: every inquiry's notes, conclusions and reflections, and what
            is still open.
          </Text>
        </Stack>
        <LibrarySearch workspaceId={workspaceId} filters={filters} onChange={onChange} variant="page" />
      </Stack>
    </AppLayout>
  );
}
