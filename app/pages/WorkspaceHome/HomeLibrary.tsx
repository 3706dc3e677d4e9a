import {
  ActionIcon,
  Anchor,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconLibrary, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLibrary } from '../../api/library.js';
import { LibraryCardSummary } from '../Library/LibraryCardSummary.js';
import { paramsFromFilters } from '../Library/searchState.js';

const SHOWN = 4;

/** The workspace home's library: the latest concluded inquiries as cards, and the way into the search. */
export function HomeLibrary({ workspaceId }: { workspaceId: string }) {
  const library = useLibrary(workspaceId, { limit: SHOWN });
  const cards = library.data?.pages[0]?.items ?? [];
  const more = !!library.data?.pages[0]?.nextCursor;
  const [q, setQ] = useState('');
  const navigate = useNavigate();
  const libraryUrl = `/w/${workspaceId}/library`;

  return (
    <Stack gap="md" component="section" aria-labelledby="library-heading">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <IconLibrary size={20} aria-hidden />
          <Title order={2} size="h4" id="library-heading">
            Library
          </Title>
        </Group>
        <Anchor component={Link} to={libraryUrl} size="sm">
          <Group gap={4} wrap="nowrap">
            Open the library <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const query = paramsFromFilters({ q: q.trim() || undefined }).toString();
          navigate(query ? `${libraryUrl}?${query}` : libraryUrl);
        }}
      >
        <TextInput
          aria-label="Search the library"
          placeholder="Search what the team already found out…"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={200}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            <ActionIcon type="submit" variant="subtle" aria-label="Search">
              <IconArrowRight size={16} aria-hidden />
            </ActionIcon>
          }
        />
      </form>
      {library.isPending ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Skeleton h={150} radius="md" />
          <Skeleton h={150} radius="md" />
        </SimpleGrid>
      ) : cards.length === 0 ? (
        <Text c="dimmed" size="sm">
          Concluded inquiries land here as cards — the question, what the team concluded and who can explain
          it — so the next team starts from there. Every note is searchable already.
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {cards.map((card) => (
              <LibraryCardSummary key={card.inquiry.id} card={card} />
            ))}
          </SimpleGrid>
          {more && (
            <Anchor component={Link} to={libraryUrl} size="sm">
              Every concluded inquiry is in the library
            </Anchor>
          )}
        </>
      )}
    </Stack>
  );
}
