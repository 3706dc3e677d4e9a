import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { KindLabel } from '../../components/KindLabel.js';
import classes from './Board.module.css';

/** An empty board teaches: what a good first note looks like, with one example. */
export function EmptyBoard({ onCompose }: { onCompose: () => void }) {
  return (
    <Stack maw={640} mx="auto" gap="lg" py="xl">
      <Stack gap={6}>
        <Title order={2} size="h3">
          Start with a good question or a hunch
        </Title>
        <Text c="dimmed">
          A good first <b>question</b> is open and honest — it asks what the group doesn't know yet, not what
          someone already believes. A good first <b>hypothesis</b> is a guess someone could prove wrong: say
          what you think is happening, and what would show it.
        </Text>
        <Text c="dimmed">
          Not sure where to start? An “unknown” — what you would need to know — is a fine first note.
        </Text>
      </Stack>
      <Paper withBorder p="md" className={classes.example} aria-label="Example note">
        <Group justify="space-between" mb={8}>
          <KindLabel kind="hypothesis" size="xs" />
          <Text size="xs" c="dimmed">
            Example
          </Text>
        </Group>
        <Text size="sm">
          Aurora sales fell because the March price rise pushed it over the budget limit of shops with fewer
          than five staff. If that's right, churn since March should be concentrated in those shops.
        </Text>
      </Paper>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={onCompose}>
          Write the first note
        </Button>
        <Text size="sm" c="dimmed">
          or press <b>N</b> anywhere on the board
        </Text>
      </Group>
    </Stack>
  );
}
