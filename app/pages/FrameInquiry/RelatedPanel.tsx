import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useRelated } from '../../api/library.js';
import { KindIcon } from '../../components/KindLabel.js';
import { Markdown } from '../../components/Markdown.js';
import { PhaseBadge } from '../../components/PhaseBadge.js';
import classes from '../Library/Library.module.css';
import { Snippet } from '../Library/Snippet.js';

// While a question is being framed: past inquiries on the same theme, with what they concluded, and
// questions still open elsewhere — so the team starts from what it already knows.

const TYPING_MS = 400;

export function RelatedPanel({
  workspaceId,
  text,
  onOpenCard,
}: {
  workspaceId: string;
  /** The title and question as typed so far. */
  text: string;
  onOpenCard: (inquiry: { id: string; title: string }) => void;
}) {
  const [debounced] = useDebouncedValue(text, TYPING_MS);
  const related = useRelated(workspaceId, debounced);
  const inquiries = related.data?.inquiries ?? [];
  const openQuestions = related.data?.openQuestions ?? [];
  const found = inquiries.length + openQuestions.length > 0;
  const summary = found
    ? `The team has looked at this before: ${inquiries.length} past ${inquiries.length === 1 ? 'inquiry' : 'inquiries'}, ${openQuestions.length} open ${openQuestions.length === 1 ? 'question' : 'questions'}.`
    : '';

  return (
    <>
      <div className="sr-only" aria-live="polite">
        {summary}
      </div>
      {found && (
        <Paper component="section" aria-labelledby="related-heading" p="md" withBorder radius="md">
          <Stack gap="md">
            <Group gap="xs" wrap="nowrap">
              <IconHistory size={18} aria-hidden />
              <Title order={2} size="h5" id="related-heading">
                The team has looked at this before
              </Title>
            </Group>
            {inquiries.length > 0 && (
              <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
                {inquiries.map((r) => (
                  <Stack component="li" key={r.inquiry.id} gap={6}>
                    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                      <Text component="h3" fw={650} size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                        {r.inquiry.title}
                      </Text>
                      <PhaseBadge phase={r.inquiry.phase} />
                    </Group>
                    {r.conclusion ? (
                      <Markdown source={r.conclusion} className={`md ${classes.excerpt}`} />
                    ) : (
                      <Snippet parts={r.snippet} c="dimmed" />
                    )}
                    <Group>
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => onOpenCard(r.inquiry)}
                        // The visible words first, so a voice command naming them finds the button.
                        aria-label={`${r.conclusion ? 'Read the conclusion' : 'See where it stands'}: ${r.inquiry.title}`}
                      >
                        {r.conclusion ? 'Read the conclusion' : 'See where it stands'}
                      </Button>
                    </Group>
                  </Stack>
                ))}
              </Stack>
            )}
            {openQuestions.length > 0 && (
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  Still open elsewhere
                </Text>
                <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                  {openQuestions.map((q) => (
                    <Group component="li" key={q.contributionId} gap="xs" wrap="nowrap" align="flex-start">
                      <KindIcon kind={q.kind} size={14} />
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Snippet parts={q.snippet} />
                        <Anchor
                          component={Link}
                          to={`/i/${q.inquiry.id}?note=${encodeURIComponent(q.contributionId)}`}
                          size="xs"
                        >
                          In “{q.inquiry.title}”
                        </Anchor>
                      </Stack>
                    </Group>
                  ))}
                </Stack>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
    </>
  );
}
