import { Button, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DemoButton } from '../../components/DemoButton.js';
import classes from './WorkspaceHome.module.css';

/** The first visit: what collaborative learning is, and the way in. */
export function EmptyWorkspace({ workspaceId, canFrame }: { workspaceId: string; canFrame: boolean }) {
  return (
    <Stack gap="md" className={classes.explain} align="flex-start">
      <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
        <IconBulb size={22} />
      </ThemeIcon>
      <Title order={2} size="h3">
        Learn together on the problems nobody can solve alone
      </Title>
      <Text c="dimmed" maw={620}>
        Some questions have no expert in the room — why a product line is slipping, how to enter a new market.
        Instead of one person handing out answers, the whole team works through the whole problem: everyone
        adds questions, hypotheses, evidence and honest “I don't know yet”s, builds on each other's notes, and
        the group — not the manager — reaches the conclusion.
      </Text>
      <List size="sm" spacing={6} c="dimmed" maw={620}>
        <List.Item>
          <b>Frame one inquiry</b>: a question that matters, its context and what a good answer would look
          like.
        </List.Item>
        <List.Item>
          <b>The facilitator asks, the group answers</b>: the authority shifts to the people doing the
          thinking.
        </List.Item>
        <List.Item>
          <b>Not knowing is welcome</b>: unknowns are a kind of note, and notes can be anonymous when you
          allow it.
        </List.Item>
      </List>
      {canFrame ? (
        <Group gap="sm">
          <Button
            component={Link}
            to={`/w/${workspaceId}/new`}
            leftSection={<IconPlus size={16} />}
            size="md"
          >
            Frame your first inquiry
          </Button>
          <DemoButton size="md" />
        </Group>
      ) : (
        <Text size="sm">Nothing to work on yet. When a facilitator frames an inquiry, it appears here.</Text>
      )}
    </Stack>
  );
}
