import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { Markdown } from '../../components/Markdown.js';
import { PageError } from '../../components/PageState.js';
import classes from './Print.module.css';

// A print-ready page of an inquiry: the Markdown export, rendered, with print styles. "Save as PDF" in the
// browser's print dialog gives the PDF, so the document and the file never disagree.

export function PrintPage() {
  const { inquiryId = '' } = useParams();
  const detail = useQuery({
    queryKey: keys.inquiry(inquiryId),
    queryFn: ({ signal }) => api.inquiry(inquiryId, signal),
  });
  const document = useQuery({
    queryKey: ['export', inquiryId, 'markdown'],
    queryFn: ({ signal }) => api.exportText(inquiryId, 'markdown', signal),
    staleTime: 0,
  });
  const error = detail.error ?? document.error;
  return (
    <AppLayout workspaceId={detail.data?.inquiry.workspaceId}>
      {error ? (
        <PageError error={error} onRetry={() => document.refetch()} />
      ) : (
        <Stack gap="lg">
          <Group justify="space-between" className={classes.toolbar}>
            <Button
              component={Link}
              to={`/i/${inquiryId}`}
              variant="subtle"
              leftSection={<IconArrowLeft size={16} />}
            >
              Back to the board
            </Button>
            <Group gap="sm">
              <Text size="sm" c="dimmed" visibleFrom="sm">
                Choose “Save as PDF” in the print dialog for a PDF.
              </Text>
              <Button
                leftSection={<IconPrinter size={16} />}
                onClick={() => window.print()}
                disabled={!document.data}
              >
                Print
              </Button>
            </Group>
          </Group>
          {document.data ? (
            <article className={classes.paper} aria-label="Printable inquiry">
              <Markdown source={document.data} />
            </article>
          ) : (
            <Stack className={classes.paper} role="status" aria-label="Preparing the document">
              <Skeleton h={36} w="60%" />
              <Skeleton h={16} />
              <Skeleton h={16} w="80%" />
              <Skeleton h={200} />
            </Stack>
          )}
        </Stack>
      )}
    </AppLayout>
  );
}
