import { Card, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { LibraryCard } from '../../../contract/library.js';
import { Markdown } from '../../components/Markdown.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import classes from './Library.module.css';

/** A concluded inquiry in a list: its question, the start of its conclusion and who can explain it. */
export function LibraryCardSummary({
  card,
  headingOrder = 3,
  onOpen,
}: {
  card: LibraryCard;
  headingOrder?: 2 | 3 | 4;
  /** Called when the card is opened (a drawer it sits in closes). */
  onOpen?: () => void;
}) {
  const explainers = card.canExplain;
  const Heading = `h${headingOrder}` as const;
  return (
    <Card className={classes.hit} p="lg" component="article">
      <Stack gap="sm">
        <Text component={Heading} className={classes.hitTitle}>
          <Link to={`/i/${card.inquiry.id}/card`} className={classes.stretched} onClick={onOpen}>
            {card.inquiry.title}
          </Link>
        </Text>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {card.inquiry.question}
        </Text>
        {card.conclusion ? (
          <Group gap={8} align="flex-start" wrap="nowrap">
            <IconCircleCheck
              size={18}
              color="var(--mantine-color-green-filled)"
              aria-label="Conclusion"
              style={{ flexShrink: 0, marginTop: 2 }}
            />
            <Markdown source={card.conclusion} className={`md ${classes.excerpt}`} />
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            No conclusion was adopted.
          </Text>
        )}
        <Group gap="md" wrap="wrap" justify="space-between">
          {explainers.length > 0 ? (
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <Group gap={-6} wrap="nowrap" aria-hidden>
                {explainers.slice(0, 4).map((p) => (
                  <PersonAvatar key={p.id} person={p} size={22} />
                ))}
              </Group>
              <Text size="xs" c="dimmed" lineClamp={2}>
                Can explain it: {explainers.map((p) => p.name).join(', ')}
              </Text>
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              Nobody has explained it back yet
            </Text>
          )}
          {card.concludedAt && <RelativeTime iso={card.concludedAt} prefix="Concluded" />}
        </Group>
      </Stack>
    </Card>
  );
}
