import { Badge, Group, Paper, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import type { CardNote, LibraryCard } from '../../../contract/library.js';
import { KindLabel } from '../../components/KindLabel.js';
import { Markdown } from '../../components/Markdown.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { PhaseBadge } from '../../components/PhaseBadge.js';
import { KINDS, PHASE_STYLES, STATE_STYLES } from '../../kinds.js';
import classes from './Library.module.css';

// One inquiry as the library keeps it: the question, what the group concluded, the notes that carry it,
// what stayed open, what people still did not understand and who can explain it. Used by the card page
// and by the drawer on the framing screen.

const dayOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' });

function Author({ person }: { person: CardNote['author'] }) {
  return (
    <Group gap={6} wrap="nowrap">
      <PersonAvatar person={person} size={20} />
      <Text size="xs" c="dimmed">
        {person ? person.name : 'Anonymous'}
      </Text>
    </Group>
  );
}

export function CardNoteItem({ note }: { note: CardNote }) {
  const style = { '--note-color': `var(--mantine-color-${KINDS[note.kind].color}-filled)` } as CSSProperties;
  return (
    <Stack component="li" gap={6} className={classes.note} style={style}>
      <Group gap="xs" wrap="wrap">
        <KindLabel kind={note.kind} size="xs" />
        {note.state && (
          <Badge variant="light" color={STATE_STYLES[note.state].color} radius="sm" size="sm" tt="none">
            {STATE_STYLES[note.state].label}
          </Badge>
        )}
      </Group>
      <Markdown source={note.body} />
      <Author person={note.author} />
    </Stack>
  );
}

function Section({
  title,
  order,
  hint,
  children,
}: {
  title: string;
  order: TitleOrder;
  hint?: string;
  children: ReactNode;
}) {
  const id = `card-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Stack component="section" gap="sm" aria-labelledby={id}>
      <Stack gap={2}>
        <Title order={order} size="h4" id={id}>
          {title}
        </Title>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
      {children}
    </Stack>
  );
}

function NoteList({ notes }: { notes: CardNote[] }) {
  return (
    <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
      {notes.map((n) => (
        <CardNoteItem key={n.id} note={n} />
      ))}
    </Stack>
  );
}

/** The card's content; `headingOrder` is the level of its title (sections sit one below). */
export function LibraryCardView({
  card,
  headingOrder = 1,
  showTitle = true,
}: {
  card: LibraryCard;
  headingOrder?: 1 | 2;
  /** Off where the surrounding frame (a drawer) already shows the title. */
  showTitle?: boolean;
}) {
  const sectionOrder = (headingOrder + 1) as TitleOrder;
  const people = card.participantCount;
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        {showTitle && (
          <Title order={headingOrder} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {card.inquiry.title}
          </Title>
        )}
        <Text size="lg" style={{ overflowWrap: 'anywhere' }}>
          {card.inquiry.question}
        </Text>
        <Group gap="sm" wrap="wrap">
          <PhaseBadge phase={card.inquiry.phase} />
          {card.concludedAt && (
            <Text size="sm" c="dimmed">
              Concluded <time dateTime={card.concludedAt}>{dayOf(card.concludedAt)}</time>
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {people} {people === 1 ? 'person' : 'people'} took part
          </Text>
        </Group>
      </Stack>

      <Section title="Conclusion" order={sectionOrder}>
        {card.conclusion ? (
          <Paper p="md" withBorder className={classes.conclusion}>
            <Markdown source={card.conclusion} style={{ fontSize: 'var(--mantine-font-size-md)' }} />
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            No conclusion has been adopted yet: the inquiry is still in its{' '}
            {PHASE_STYLES[card.inquiry.phase].label} phase. What the group has so far is on its board.
          </Text>
        )}
      </Section>

      {card.conclusion && (
        <Section
          title="What it rests on"
          order={sectionOrder}
          hint="The notes the group named as the grounds for the conclusion."
        >
          {card.restsOn.length > 0 ? (
            <NoteList notes={card.restsOn} />
          ) : (
            <Text size="sm" c="dimmed">
              None of the notes it rests on are visible to you.
            </Text>
          )}
        </Section>
      )}

      <Section
        title="Who can explain it"
        order={sectionOrder}
        hint="People who explained it back in their own words, or who built it and endorsed it. Ask them."
      >
        {card.canExplain.length > 0 ? (
          <Group gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {card.canExplain.map((p) => (
              <Group key={p.id} gap={8} component="li" wrap="nowrap">
                <PersonAvatar person={p} size={28} />
                <Text size="sm" fw={600}>
                  {p.name}
                </Text>
              </Group>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Nobody has explained it back yet, so this knowledge rests on the notes alone.
          </Text>
        )}
      </Section>

      <Section
        title="What stayed open"
        order={sectionOrder}
        hint="Questions nobody answered, assumptions and hypotheses nobody tested, honest unknowns: a good place to start next time."
      >
        {card.stayedOpen.length > 0 ? (
          <NoteList notes={card.stayedOpen} />
        ) : (
          <Text size="sm" c="dimmed">
            Nothing stayed open: every question was answered and every assumption tested.
          </Text>
        )}
      </Section>

      {card.stillUnclear.length > 0 && (
        <Section
          title="Still unclear"
          order={sectionOrder}
          hint="From the reflections: what people said they still did not understand (without names)."
        >
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {card.stillUnclear.map((text, i) => (
              <li key={i}>
                <Text component="blockquote" size="sm" className={classes.unclear}>
                  {text}
                </Text>
              </li>
            ))}
          </Stack>
        </Section>
      )}
    </Stack>
  );
}
