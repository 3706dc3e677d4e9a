import {
  Alert,
  Box,
  Button,
  Collapse,
  Group,
  Pill,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconListDetails } from '@tabler/icons-react';
import { type ReactNode, useMemo } from 'react';
import { errorMessage } from '../../api/client.js';
import { type SearchFilters, useSearch } from '../../api/library.js';
import { FacetsPanel } from './FacetsPanel.js';
import classes from './Library.module.css';
import { LibraryBrowse } from './LibraryBrowse.js';
import { SearchBox } from './SearchBox.js';
import { FilterFields, useFilterLabels } from './SearchFilters.js';
import { SearchHitCard } from './SearchHitCard.js';
import {
  activeFilterCount,
  clearFilters,
  type FilterKey,
  isSearching,
  QUICK_FILTERS,
  quickIsOn,
  toggleQuick,
  withFacet,
  withFilter,
} from './searchState.js';

// The library's search: words typed are searched as they are typed (a moment after the last key), filters
// and facets narrow the results, and with nothing to search the library's cards are shown instead. The
// page keeps the search in its URL; the framing screen's drawer keeps it in memory.

export interface SearchChange {
  (next: SearchFilters, options?: { replace?: boolean }): void;
}

function NoResults({ filters, onChange }: { filters: SearchFilters; onChange: SearchChange }) {
  const narrowed = activeFilterCount(filters) > 0;
  return (
    <Stack
      gap="sm"
      className={classes.hit}
      p="lg"
      style={{
        border: '1px dashed var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
      }}
    >
      <Text fw={650}>{filters.q ? `Nothing matches “${filters.q}”` : 'Nothing matches these filters'}</Text>
      <Stack component="ul" gap={4} m={0} pl="md">
        <Text component="li" size="sm" c="dimmed">
          Every word has to appear: try fewer or shorter words (“supplier” finds “suppliers” too).
        </Text>
        <Text component="li" size="sm" c="dimmed">
          Notes hidden while a group thinks first appear once they are revealed.
        </Text>
        {narrowed && (
          <Text component="li" size="sm" c="dimmed">
            A filter may be too narrow: remove one, or search everything.
          </Text>
        )}
      </Stack>
      {narrowed && (
        <Group>
          <Button variant="light" size="xs" onClick={() => onChange(clearFilters(filters))}>
            Search without filters
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Results({
  workspaceId,
  filters,
  onChange,
  onNavigate,
  withFacets,
}: {
  workspaceId: string;
  filters: SearchFilters;
  onChange: SearchChange;
  onNavigate?: () => void;
  withFacets: boolean;
}) {
  const search = useSearch(workspaceId, filters);
  const [facetsOpen, facetsPanel] = useDisclosure(false);
  const pages = search.data?.pages ?? [];
  const first = pages[0];
  const hits = pages.flatMap((p) => p.items);

  let body: ReactNode;
  if (search.isError) {
    body = (
      <Alert color="red" variant="light" title="The search did not work" role="alert">
        {errorMessage(search.error)}{' '}
        <Button variant="subtle" size="compact-sm" onClick={() => search.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  } else if (!first) {
    body = (
      <Stack gap="sm" role="status" aria-label="Searching">
        <Skeleton h={110} radius="md" />
        <Skeleton h={110} radius="md" />
        <Skeleton h={110} radius="md" />
      </Stack>
    );
  } else if (hits.length === 0) {
    body = <NoResults filters={filters} onChange={onChange} />;
  } else {
    body = (
      <Stack gap="sm">
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Results">
          {hits.map((hit) => (
            <li key={hit.id}>
              <SearchHitCard hit={hit} onOpen={onNavigate} />
            </li>
          ))}
        </Stack>
        {search.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => search.fetchNextPage()}
              loading={search.isFetchingNextPage}
            >
              Load more
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  const total = first?.total ?? 0;
  const header = (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {first
          ? `${total}${first.totalIsExact ? '' : '+'} ${total === 1 ? 'result' : 'results'}`
          : 'Searching…'}
      </Text>
      <SegmentedControl
        size="xs"
        aria-label="Order"
        value={filters.sort ?? 'relevance'}
        onChange={(v) => onChange({ ...filters, sort: v as 'relevance' | 'newest' })}
        data={[
          { value: 'relevance', label: 'Best match' },
          { value: 'newest', label: 'Newest' },
        ]}
      />
    </Group>
  );

  if (!withFacets) {
    return (
      <Stack gap="sm">
        {header}
        {body}
      </Stack>
    );
  }
  const facets = (idPrefix: string) =>
    first && (
      <FacetsPanel
        idPrefix={idPrefix}
        facets={first.facets}
        filters={filters}
        onPick={(facet, value) => onChange(withFacet(filters, facet, value))}
      />
    );
  return (
    <div className={classes.layout}>
      <Stack gap="sm" style={{ minWidth: 0 }} component="section" aria-labelledby="results-heading">
        <h2 className="sr-only" id="results-heading">
          Results
        </h2>
        {header}
        {/* On a phone the counts come first, folded, instead of after every result. */}
        {first && (
          <Box hiddenFrom="md">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconListDetails size={14} aria-hidden />}
              aria-expanded={facetsOpen}
              aria-controls="library-facets-narrow"
              onClick={facetsPanel.toggle}
            >
              {facetsOpen ? 'Hide the counts' : 'Refine by kind, person, phase…'}
            </Button>
            <Collapse expanded={facetsOpen} id="library-facets-narrow">
              <Box pt="sm">{facets('narrow')}</Box>
            </Collapse>
          </Box>
        )}
        {body}
      </Stack>
      {first && (
        <Box component="aside" aria-label="Refine" visibleFrom="md">
          {facets('wide')}
        </Box>
      )}
    </div>
  );
}

export function LibrarySearch({
  workspaceId,
  filters,
  onChange,
  variant,
  onNavigate,
}: {
  workspaceId: string;
  filters: SearchFilters;
  onChange: SearchChange;
  /** The page has facets beside the results and `/` to focus; the drawer is narrower and focused at once. */
  variant: 'page' | 'drawer';
  /** Called when a result or card is opened (the drawer closes). */
  onNavigate?: () => void;
}) {
  const pills = useFilterLabels(workspaceId, filters);
  const [filtersOpen, filtersPanel] = useDisclosure(false);
  const searching = isSearching(filters);
  const search = useSearch(workspaceId, filters, searching);
  const lenses = useMemo(() => search.data?.pages[0]?.facets.lens.map((l) => l.value) ?? [], [search.data]);
  const set = (key: FilterKey, value: string | undefined) => onChange(withFilter(filters, key, value));

  return (
    <Stack gap="md">
      <SearchBox
        q={filters.q ?? ''}
        onQ={(q, replace) => onChange({ ...filters, q: q.trim() ? q : undefined }, { replace })}
        autoFocus={variant === 'drawer'}
        slashFocus={variant === 'page'}
        busy={searching && search.isFetching && !search.isFetchingNextPage}
      />
      <Group gap="xs" wrap="wrap">
        {QUICK_FILTERS.map((quick) => (
          <Button
            key={quick.id}
            size="xs"
            radius="xl"
            variant={quickIsOn(filters, quick) ? 'filled' : 'default'}
            aria-pressed={quickIsOn(filters, quick)}
            onClick={() => onChange(toggleQuick(filters, quick))}
          >
            {quick.label}
          </Button>
        ))}
        <Button
          size="xs"
          radius="xl"
          variant="subtle"
          leftSection={<IconAdjustmentsHorizontal size={14} aria-hidden />}
          aria-expanded={filtersOpen}
          aria-controls="library-filters"
          onClick={filtersPanel.toggle}
        >
          {filtersOpen ? 'Hide filters' : 'More filters'}
        </Button>
      </Group>
      <Collapse expanded={filtersOpen} id="library-filters">
        <FilterFields workspaceId={workspaceId} filters={filters} set={set} lenses={lenses} />
      </Collapse>
      {pills.length > 0 && (
        <Group gap="xs" wrap="wrap" aria-label="Filters in use" role="group">
          {pills.map((p) => (
            <Pill
              key={p.key}
              size="md"
              withRemoveButton
              removeButtonProps={{ 'aria-label': `Remove the filter “${p.label}”` }}
              onRemove={() => set(p.key, undefined)}
            >
              {p.label}
            </Pill>
          ))}
          <Button variant="subtle" size="compact-xs" onClick={() => onChange(clearFilters(filters))}>
            Clear filters
          </Button>
        </Group>
      )}
      {searching ? (
        <Results
          workspaceId={workspaceId}
          filters={filters}
          onChange={onChange}
          onNavigate={onNavigate}
          withFacets={variant === 'page'}
        />
      ) : (
        <LibraryBrowse
          workspaceId={workspaceId}
          headingOrder={variant === 'page' ? 2 : 3}
          onNavigate={onNavigate}
        />
      )}
    </Stack>
  );
}
