import {
  Alert,
  Box,
  Button,
  CloseButton,
  Collapse,
  Group,
  Kbd,
  Loader,
  Pill,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconListDetails, IconSearch } from '@tabler/icons-react';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { SEARCH_SOURCES } from '../../../contract/library.js';
import { CONTRIBUTION_STATES, PHASES } from '../../../domain/model.js';
import { errorMessage } from '../../api/client.js';
import { type SearchFilters, useSearch } from '../../api/library.js';
import { useWorkspace } from '../../api/queries.js';
import { KIND_LIST, KINDS, PHASE_STYLES, STATE_STYLES } from '../../kinds.js';
import { FacetsPanel } from './FacetsPanel.js';
import classes from './Library.module.css';
import { LibraryBrowse } from './LibraryBrowse.js';
import { SearchHitCard, SOURCE_STYLES } from './SearchHitCard.js';
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

const TYPING_MS = 250;

const SOURCE_LABELS: Record<string, string> = {
  contribution: 'Notes',
  inquiry: 'Framing',
  conclusion: 'Conclusions',
  reflection: 'Reflections',
  synthesis: 'Synthesis',
};

export interface SearchChange {
  (next: SearchFilters, options?: { replace?: boolean }): void;
}

/** The words box: typing applies after a pause, Enter at once; `/` anywhere on the page focuses it. */
function SearchBox({
  q,
  onQ,
  autoFocus,
  slashFocus,
  busy,
}: {
  q: string;
  onQ: (q: string, replace: boolean) => void;
  autoFocus?: boolean;
  slashFocus?: boolean;
  busy: boolean;
}) {
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text, TYPING_MS);
  const sent = useRef(q);
  const input = useRef<HTMLInputElement>(null);
  const onQRef = useRef(onQ);
  onQRef.current = onQ;

  useEffect(() => {
    if (debounced === sent.current) return;
    sent.current = debounced;
    onQRef.current(debounced, true);
  }, [debounced]);
  // The words changed elsewhere (back button, a shared link): show them.
  useEffect(() => {
    if (q !== sent.current) {
      sent.current = q;
      setText(q);
    }
  }, [q]);
  useHotkeys(slashFocus ? [['/', () => input.current?.focus()]] : []);

  const apply = () => {
    if (text === sent.current) return;
    sent.current = text;
    onQ(text, false);
  };

  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <TextInput
        ref={input}
        size="md"
        label="Search the library"
        description={
          slashFocus ? (
            <>
              Every word must match; put an exact phrase in "quotes". Press <Kbd size="xs">/</Kbd> to come
              back here.
            </>
          ) : (
            'Every word must match; put an exact phrase in "quotes".'
          )
        }
        placeholder="supplier delay, “print slot”…"
        type="search"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autoFocus={autoFocus}
        maxLength={200}
        leftSection={busy ? <Loader size={16} /> : <IconSearch size={18} aria-hidden />}
        rightSection={
          text ? (
            <CloseButton
              aria-label="Clear the search words"
              onClick={() => {
                setText('');
                sent.current = '';
                onQ('', false);
                input.current?.focus();
              }}
            />
          ) : null
        }
      />
    </form>
  );
}

function FilterFields({
  workspaceId,
  filters,
  set,
  lenses,
}: {
  workspaceId: string;
  filters: SearchFilters;
  set: (key: FilterKey, value: string | undefined) => void;
  lenses: string[];
}) {
  const workspace = useWorkspace(workspaceId);
  const people = (workspace.data?.members ?? []).map((m) => ({ value: m.user.id, label: m.user.name }));
  const lensOptions = [...new Set([...lenses, ...(filters.lens ? [filters.lens] : [])])];
  const common = { clearable: true, size: 'sm' as const, comboboxProps: { withinPortal: true } };
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
      <Select
        {...common}
        label="Found in"
        placeholder="Anywhere"
        data={SEARCH_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] ?? s }))}
        value={filters.source ?? null}
        onChange={(v) => set('source', v ?? undefined)}
      />
      <Select
        {...common}
        label="Kind of note"
        placeholder="Any kind"
        data={KIND_LIST.map((k) => ({ value: k, label: KINDS[k].label }))}
        value={filters.kind ?? null}
        onChange={(v) => set('kind', v ?? undefined)}
      />
      <Select
        {...common}
        label="State"
        placeholder="Any state"
        data={CONTRIBUTION_STATES.map((s) => ({ value: s, label: STATE_STYLES[s].label }))}
        value={filters.state ?? null}
        onChange={(v) => set('state', v ?? undefined)}
      />
      <Select
        {...common}
        label="Phase of the inquiry"
        placeholder="Any phase"
        data={PHASES.map((p) => ({ value: p, label: PHASE_STYLES[p].label }))}
        value={filters.phase ?? null}
        onChange={(v) => set('phase', v ?? undefined)}
      />
      <Select
        {...common}
        label="Written by"
        placeholder="Anyone"
        searchable
        data={people}
        value={filters.personId ?? null}
        onChange={(v) => set('personId', v ?? undefined)}
      />
      <Select
        {...common}
        label="Lens"
        placeholder={lensOptions.length ? 'Any lens' : 'No lenses yet'}
        data={lensOptions}
        disabled={lensOptions.length === 0}
        value={filters.lens ?? null}
        onChange={(v) => set('lens', v ?? undefined)}
      />
      <TextInput
        size="sm"
        type="date"
        label="From"
        value={filters.from ?? ''}
        max={filters.to}
        onChange={(e) => set('from', e.currentTarget.value || undefined)}
      />
      <TextInput
        size="sm"
        type="date"
        label="To"
        value={filters.to ?? ''}
        min={filters.from}
        onChange={(e) => set('to', e.currentTarget.value || undefined)}
      />
    </SimpleGrid>
  );
}

/** What a set filter says, in words, for its removable pill. */
function useFilterLabels(workspaceId: string, filters: SearchFilters): { key: FilterKey; label: string }[] {
  const workspace = useWorkspace(workspaceId);
  const out: { key: FilterKey; label: string }[] = [];
  if (filters.source)
    out.push({ key: 'source', label: `In ${SOURCE_LABELS[filters.source]?.toLowerCase()}` });
  if (filters.kind) out.push({ key: 'kind', label: KINDS[filters.kind].plural });
  if (filters.state) out.push({ key: 'state', label: STATE_STYLES[filters.state].label });
  if (filters.phase) out.push({ key: 'phase', label: `${PHASE_STYLES[filters.phase].label} inquiries` });
  if (filters.personId) {
    const name = workspace.data?.members.find((m) => m.user.id === filters.personId)?.user.name;
    out.push({ key: 'personId', label: `By ${name ?? 'one person'}` });
  }
  if (filters.lens) out.push({ key: 'lens', label: `Lens: ${filters.lens}` });
  if (filters.inquiryId) out.push({ key: 'inquiryId', label: 'One inquiry' });
  if (filters.from) out.push({ key: 'from', label: `From ${filters.from}` });
  if (filters.to) out.push({ key: 'to', label: `To ${filters.to}` });
  return out;
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
