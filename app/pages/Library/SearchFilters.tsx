import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { SEARCH_SOURCES } from '../../../contract/library.js';
import { CONTRIBUTION_STATES, PHASES } from '../../../domain/model.js';
import type { SearchFilters } from '../../api/library.js';
import { useWorkspace } from '../../api/queries.js';
import { KIND_LIST, KINDS, PHASE_STYLES, STATE_STYLES } from '../../kinds.js';
import type { FilterKey } from './searchState.js';

// The library's filters as fields (where found, kind, state, phase, person, lens, dates), and each set
// filter in words for its removable pill.

export const SOURCE_LABELS: Record<string, string> = {
  contribution: 'Notes',
  inquiry: 'Framing',
  conclusion: 'Conclusions',
  reflection: 'Reflections',
  synthesis: 'Synthesis',
};
export function FilterFields({
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
export function useFilterLabels(
  workspaceId: string,
  filters: SearchFilters,
): { key: FilterKey; label: string }[] {
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
