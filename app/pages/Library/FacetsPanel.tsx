import { Group, Stack, Text, Title } from '@mantine/core';
import type { FacetValue, SearchResponse } from '../../../contract/library.js';
import { CONTRIBUTION_KINDS, type ContributionKind } from '../../../domain/model.js';
import type { SearchFilters } from '../../api/library.js';
import { KindIcon } from '../../components/KindLabel.js';
import classes from './Library.module.css';
import { FACET_FILTER, type FacetName } from './searchState.js';

export const FACET_TITLES: Record<FacetName, string> = {
  source: 'Found in',
  kind: 'Kind',
  state: 'State',
  phase: 'Phase',
  person: 'Person',
  lens: 'Lens',
};
const ORDER: FacetName[] = ['source', 'kind', 'state', 'phase', 'person', 'lens'];

const isKind = (v: string): v is ContributionKind => (CONTRIBUTION_KINDS as readonly string[]).includes(v);

/** Counts per value beside the results; clicking a value narrows the search to it, clicking again widens. */
export function FacetsPanel({
  facets,
  filters,
  onPick,
  headingOrder = 2,
  idPrefix,
}: {
  facets: SearchResponse['facets'];
  filters: SearchFilters;
  onPick: (facet: FacetName, value: FacetValue) => void;
  headingOrder?: 2 | 3;
  /** Tells apart the ids of two copies (the folded one on a phone, the aside on a wide screen). */
  idPrefix: string;
}) {
  const groups = ORDER.filter((name) => facets[name].length > 0);
  if (groups.length === 0) return null;
  return (
    <Stack gap="lg" component="nav" aria-label="Refine the results">
      {groups.map((name) => {
        const active = filters[FACET_FILTER[name]];
        const titleId = `${idPrefix}-facet-${name}`;
        return (
          <Stack key={name} gap={4} role="group" aria-labelledby={titleId}>
            <Title
              order={headingOrder === 2 ? 3 : 4}
              size="sm"
              id={titleId}
              c="dimmed"
              tt="uppercase"
              fz="xs"
            >
              {FACET_TITLES[name]}
            </Title>
            <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {facets[name].map((value) => (
                <li key={value.value}>
                  <button
                    type="button"
                    className={classes.facetButton}
                    aria-pressed={active === value.value}
                    onClick={() => onPick(name, value)}
                  >
                    <Group gap={6} wrap="nowrap" className={classes.facetLabel}>
                      {name === 'kind' && isKind(value.value) && <KindIcon kind={value.value} size={12} />}
                      <span>{value.label}</span>
                    </Group>
                    <Text component="span" size="xs" c="dimmed">
                      {value.count}
                      <span className="sr-only"> {value.count === 1 ? 'result' : 'results'}</span>
                    </Text>
                  </button>
                </li>
              ))}
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
}
