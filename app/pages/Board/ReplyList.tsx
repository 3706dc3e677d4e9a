import { Group, Text } from '@mantine/core';
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
            <Group gap={6} wrap="nowrap" mb={2} align="flex-start">
              <KindIcon kind={from.kind} size={12} />
              <Text size="xs" lh="18px">
                <Text span fw={600} size="xs">
                  {displayName(from)}
                </Text>{' '}
                <Text span size="xs" c="dimmed" fw={500} className={classes.verb}>
                  <L.icon size={12} stroke={2} aria-hidden color={`var(--mantine-color-${L.color}-filled)`} />{' '}
                  {L.verb}
                </Text>
                <span className="sr-only">
                  {' '}
                  this with {withArticle(KINDS[from.kind].label.toLowerCase())}
                </span>
              </Text>
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
