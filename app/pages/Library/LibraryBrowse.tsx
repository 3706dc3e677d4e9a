import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconLibrary } from '@tabler/icons-react';
import { useLibrary } from '../../api/library.js';
import { PageError } from '../../components/PageState.js';
import { LibraryCardSummary } from './LibraryCardSummary.js';

/** The library with nothing searched: concluded inquiries as cards, the most recent first. */
export function LibraryBrowse({
  workspaceId,
  headingOrder,
  onNavigate,
}: {
  workspaceId: string;
  headingOrder: 2 | 3;
  onNavigate?: () => void;
}) {
  const library = useLibrary(workspaceId);
  const cards = library.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md" component="section" aria-labelledby="concluded-heading">
      <Title order={headingOrder} size="h4" id="concluded-heading">
        Concluded inquiries
      </Title>
      {library.isPending ? (
        <Stack gap="sm" role="status" aria-label="Loading the library">
          <Skeleton h={150} radius="md" />
          <Skeleton h={150} radius="md" />
        </Stack>
      ) : library.isError ? (
        <PageError error={library.error} onRetry={() => library.refetch()} />
      ) : cards.length === 0 ? (
        <Stack
          gap="xs"
          p="lg"
          align="flex-start"
          style={{
            border: '1px dashed var(--mantine-color-default-border)',
            borderRadius: 'var(--mantine-radius-md)',
          }}
        >
          <Group gap="xs">
            <IconLibrary size={20} aria-hidden />
            <Text fw={650} component={headingOrder === 2 ? 'h3' : 'h4'} m={0}>
              The library fills as inquiries conclude
            </Text>
          </Group>
          <Text size="sm" c="dimmed" maw={560}>
            Each concluded inquiry becomes a card: the question, what the group concluded, the notes it rests
            on, what stayed open and who can explain it — so the next team starts from there instead of from
            zero.
          </Text>
          <Text size="sm" c="dimmed" maw={560}>
            You can already search every note of every inquiry: type a word above, or try “Open questions” to
            see what nobody has answered yet.
          </Text>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {cards.map((card) => (
              <li key={card.inquiry.id}>
                <LibraryCardSummary
                  card={card}
                  headingOrder={headingOrder === 2 ? 3 : 4}
                  onOpen={onNavigate}
                />
              </li>
            ))}
          </Stack>
          {library.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => library.fetchNextPage()}
                loading={library.isFetchingNextPage}
              >
                Load more
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
