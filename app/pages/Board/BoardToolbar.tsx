import {
  Badge,
  Button,
  Chip,
  Group,
  Kbd,
  Popover,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { IconFileText, IconFilter, IconLayoutColumns, IconListTree, IconPlus } from '@tabler/icons-react';
import { CONTRIBUTION_STATES, type ContributionKind, type ContributionState } from '../../../domain/model.js';
import { KIND_LIST, KINDS, STATE_STYLES } from '../../kinds.js';
import classes from './Board.module.css';
import { ANONYMOUS, activeFilterCount, type Filters, NO_FILTERS } from './boardModel.js';

export type BoardView = 'kinds' | 'threads' | 'synthesis';

export function BoardToolbar({
  view,
  onView,
  filters,
  onFilters,
  people,
  allowAnonymous,
  onCompose,
  shown,
  total,
}: {
  view: BoardView;
  onView: (v: BoardView) => void;
  filters: Filters;
  onFilters: (f: Filters) => void;
  people: { id: string; name: string }[];
  allowAnonymous: boolean;
  onCompose: () => void;
  shown: number;
  total: number;
}) {
  const count = activeFilterCount(filters);
  const personOptions = [
    ...people.map((p) => ({ value: p.id, label: p.name })),
    ...(allowAnonymous ? [{ value: ANONYMOUS, label: 'Anonymous' }] : []),
  ];
  return (
    <Group
      className={classes.toolbar}
      justify="space-between"
      gap="sm"
      wrap="nowrap"
      role="toolbar"
      aria-label="Board"
    >
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => onView(v as BoardView)}
          aria-label="View"
          data={[
            {
              value: 'kinds',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconLayoutColumns size={14} aria-hidden />
                  <span className={classes.hideNarrow}>By kind</span>
                </Group>
              ),
            },
            {
              value: 'threads',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconListTree size={14} aria-hidden />
                  <span className={classes.hideNarrow}>Threads</span>
                </Group>
              ),
            },
            {
              value: 'synthesis',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconFileText size={14} aria-hidden />
                  <span className={classes.hideNarrow}>Synthesis</span>
                </Group>
              ),
            },
          ]}
        />
        {view !== 'synthesis' && (
          <Popover position="bottom-start" width={320} shadow="md" trapFocus>
            <Popover.Target>
              <Button
                variant={count ? 'light' : 'default'}
                size="xs"
                leftSection={<IconFilter size={14} />}
                rightSection={
                  count ? (
                    <Badge size="xs" circle>
                      {count}
                    </Badge>
                  ) : undefined
                }
                aria-label={count ? `Filters, ${count} active` : 'Filters'}
              >
                Filter
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="md">
                <fieldset className={classes.fieldset}>
                  <legend className={classes.legend}>Kinds</legend>
                  <Chip.Group
                    multiple
                    value={filters.kinds}
                    onChange={(v) => onFilters({ ...filters, kinds: v as ContributionKind[] })}
                  >
                    <Group gap={6}>
                      {KIND_LIST.map((k) => (
                        <Chip
                          key={k}
                          value={k}
                          size="xs"
                          color={KINDS[k].color}
                          variant="light"
                          classNames={{ label: classes.chipLabel }}
                        >
                          {KINDS[k].label}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                </fieldset>
                <Select
                  label="Person"
                  placeholder="Everyone"
                  data={personOptions}
                  value={filters.person}
                  onChange={(v) => onFilters({ ...filters, person: v })}
                  clearable
                  size="xs"
                  comboboxProps={{ withinPortal: false }}
                />
                <Select
                  label="State"
                  placeholder="Any state"
                  data={CONTRIBUTION_STATES.map((s) => ({ value: s, label: STATE_STYLES[s].label }))}
                  value={filters.state}
                  onChange={(v) => onFilters({ ...filters, state: v as ContributionState | null })}
                  clearable
                  size="xs"
                  comboboxProps={{ withinPortal: false }}
                />
                <Switch
                  label="Mine only"
                  checked={filters.mine}
                  onChange={(e) => onFilters({ ...filters, mine: e.currentTarget.checked })}
                />
                <Button variant="subtle" size="xs" onClick={() => onFilters(NO_FILTERS)} disabled={!count}>
                  Clear filters
                </Button>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        )}
        {count > 0 && view !== 'synthesis' && (
          <Text size="xs" c="dimmed" visibleFrom="sm" aria-live="polite">
            Showing {shown} of {total}
          </Text>
        )}
      </Group>
      <Button
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={onCompose}
        rightSection={
          <Kbd size="xs" visibleFrom="sm" aria-hidden>
            N
          </Kbd>
        }
        aria-label="New note"
        aria-keyshortcuts="N"
      >
        New note
      </Button>
    </Group>
  );
}
