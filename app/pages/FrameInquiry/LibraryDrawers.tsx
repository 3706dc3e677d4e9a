import { Button, Drawer, Group, Skeleton, Stack } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.js';
import type { SearchFilters } from '../../api/library.js';
import { useLibraryCard } from '../../api/library.js';
import { LibraryCardView } from '../Library/LibraryCardView.js';
import { LibrarySearch } from '../Library/LibrarySearch.js';

// The library beside the framing screen: a past inquiry's card, or the search, in a drawer, so the draft
// stays where it is. Opening something full-size leaves the page; the draft is kept for the return.

export function CardDrawer({
  inquiry,
  onClose,
}: {
  inquiry: { id: string; title: string } | null;
  onClose: () => void;
}) {
  const card = useLibraryCard(inquiry?.id);
  return (
    <Drawer
      opened={!!inquiry}
      onClose={onClose}
      position="right"
      size="lg"
      title={inquiry?.title}
      closeButtonProps={{ 'aria-label': 'Close the card' }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {card.data ? (
        <Stack gap="lg">
          <LibraryCardView card={card.data.card} headingOrder={2} showTitle={false} />
          <Group>
            <Button
              component={Link}
              to={`/i/${card.data.card.inquiry.id}/card`}
              variant="default"
              rightSection={<IconExternalLink size={14} aria-hidden />}
            >
              Open the full card
            </Button>
          </Group>
        </Stack>
      ) : card.isError ? (
        <Stack role="alert">{errorMessage(card.error)}</Stack>
      ) : (
        <Stack gap="md" role="status" aria-label="Loading the card">
          <Skeleton h={24} />
          <Skeleton h={120} />
          <Skeleton h={200} />
        </Stack>
      )}
    </Drawer>
  );
}

export function SearchDrawer({
  workspaceId,
  initialQuery,
  opened,
  onClose,
}: {
  workspaceId: string;
  /** The words the drawer opens with (it is remounted for each opening). */
  initialQuery: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title="Search the library"
      closeButtonProps={{ 'aria-label': 'Close the library' }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened && <DrawerSearch workspaceId={workspaceId} initialQuery={initialQuery} onNavigate={onClose} />}
    </Drawer>
  );
}

function DrawerSearch({
  workspaceId,
  initialQuery,
  onNavigate,
}: {
  workspaceId: string;
  initialQuery: string;
  onNavigate: () => void;
}) {
  const [filters, setFilters] = useState<SearchFilters>(
    initialQuery.trim() ? { q: initialQuery.trim() } : {},
  );
  return (
    <LibrarySearch
      workspaceId={workspaceId}
      filters={filters}
      onChange={setFilters}
      variant="drawer"
      onNavigate={onNavigate}
    />
  );
}
