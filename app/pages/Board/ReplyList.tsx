import { Group, Text, ThemeIcon } from '@mantine/core';
import { KindIcon } from '../../components/KindLabel.js';
import { Markdown } from '../../components/Markdown.js';
import { KINDS, LINKS } from '../../kinds.js';
import classes from './Board.module.css';
import { displayName, type Reply } from './boardModel.js';

/** The notes that link to a card, indented beneath it with the verb: "Ben challenges this". */
export function ReplyList({ replies }: { replies: Reply[] }) {
  if (replies.length === 0) return null;
  return (
    <ul
      className={classes.replies}
      aria-label={`${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`}
    >
      {replies.map(({ link, from }) => {
        const L = LINKS[link.kind];
        return (
          <li key={link.id}>
            <Group gap={6} wrap="wrap" mb={4}>
              <ThemeIcon size={18} radius="sm" variant="light" color={L.color} aria-hidden>
                <L.icon size={12} stroke={2} />
              </ThemeIcon>
              <Text size="xs">
                <Text span fw={600} size="xs">
                  {displayName(from)}
                </Text>{' '}
                <Text span size="xs" c="dimmed">
                  {L.verb} this with
                </Text>
              </Text>
              <Group gap={4} wrap="nowrap">
                <KindIcon kind={from.kind} size={12} />
                <Text size="xs" fw={500}>
                  {withArticle(KINDS[from.kind].label.toLowerCase())}
                </Text>
              </Group>
            </Group>
            <Markdown source={from.body} fz="xs" />
          </li>
        );
      })}
    </ul>
  );
}

function withArticle(word: string): string {
  if (word === 'evidence') return word;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
