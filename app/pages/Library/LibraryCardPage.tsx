import { Anchor, Button, Group, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft, IconLayoutBoard, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/endpoints.js';
import { useLibraryCard } from '../../api/library.js';
import { keys } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { PageError } from '../../components/PageState.js';
import classes from './Library.module.css';
import { LibraryCardView } from './LibraryCardView.js';

// An inquiry as the library keeps it, readable and printable, with the way to its board and its full export.

export function LibraryCardPage() {
  const { inquiryId = '' } = useParams();
  const card = useLibraryCard(inquiryId);
  const detail = useQuery({
    queryKey: keys.inquiry(inquiryId),
    queryFn: ({ signal }) => api.inquiry(inquiryId, signal),
  });
  const workspaceId = detail.data?.inquiry.workspaceId;

  useEffect(() => {
    if (card.data) document.title = `${card.data.card.inquiry.title} · Library · Colearn`;
  }, [card.data]);

  const crumbs = workspaceId ? (
    <Anchor component={Link} to={`/w/${workspaceId}/library`} size="sm" c="dimmed" visibleFrom="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        Library
      </Group>
    </Anchor>
  ) : null;

  return (
    <AppLayout workspaceId={workspaceId} crumbs={crumbs}>
      {card.isError ? (
        <PageError error={card.error} onRetry={() => card.refetch()} />
      ) : (
        <Stack maw={760} mx="auto" gap="lg">
          <Group justify="space-between" gap="sm" className={classes.noPrint}>
            {workspaceId ? (
              <Button
                component={Link}
                to={`/w/${workspaceId}/library`}
                variant="subtle"
                leftSection={<IconArrowLeft size={16} aria-hidden />}
              >
                The library
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button
                component={Link}
                to={`/i/${inquiryId}`}
                variant="default"
                leftSection={<IconLayoutBoard size={16} aria-hidden />}
              >
                Open the board
              </Button>
              <Button
                component={Link}
                to={`/i/${inquiryId}/print`}
                variant="default"
                leftSection={<IconPrinter size={16} aria-hidden />}
              >
                Print or export
              </Button>
            </Group>
          </Group>
          {card.data ? (
            <article className={classes.paper} aria-label="Library card">
              <LibraryCardView card={card.data.card} />
            </article>
          ) : (
            <Stack role="status" aria-label="Loading the card" gap="md">
              <Skeleton h={36} w="70%" />
              <Skeleton h={20} />
              <Skeleton h={120} />
              <Skeleton h={200} />
            </Stack>
          )}
        </Stack>
      )}
    </AppLayout>
  );
}
