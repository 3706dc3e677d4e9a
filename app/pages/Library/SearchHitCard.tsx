import { Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconArrowsJoin,
  IconCircleCheck,
  IconFileDescription,
  IconMoodSmile,
  type IconProps,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Link } from 'react-router';
import type { SearchHit, SearchSource } from '../../../contract/library.js';
import { KindIcon } from '../../components/KindLabel.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { PhaseBadge } from '../../components/PhaseBadge.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { KINDS, STATE_STYLES } from '../../kinds.js';
import classes from './Library.module.css';
import { Snippet } from './Snippet.js';

/** What a result is part of, for the results that are not notes (notes show their kind). */
export const SOURCE_STYLES: Record<
  Exclude<SearchSource, 'contribution'>,
  { label: string; color: string; icon: ComponentType<IconProps> }
> = {
  inquiry: { label: 'Framing', color: 'indigo', icon: IconFileDescription },
  conclusion: { label: 'Conclusion', color: 'green', icon: IconCircleCheck },
  reflection: { label: 'Reflection', color: 'cyan', icon: IconMoodSmile },
  synthesis: { label: 'Synthesis', color: 'grape', icon: IconArrowsJoin },
};

/** Where a result opens: a note on its board, what an inquiry concluded on its card. */
export function hitHref(hit: SearchHit): string {
  const { id, phase } = hit.inquiry;
  switch (hit.source) {
    case 'contribution':
      return hit.contributionId ? `/i/${id}?note=${encodeURIComponent(hit.contributionId)}` : `/i/${id}`;
    case 'conclusion':
    case 'reflection':
      return `/i/${id}/card`;
    case 'inquiry':
      return phase === 'concluded' ? `/i/${id}/card` : `/i/${id}`;
    default:
      return `/i/${id}`;
  }
}

function SourceMark({ hit }: { hit: SearchHit }) {
  if (hit.source === 'contribution' && hit.kind) {
    return (
      <Group gap={6} wrap="nowrap">
        <KindIcon kind={hit.kind} size={16} />
        <Text size="xs" fw={600}>
          {KINDS[hit.kind].label}
        </Text>
      </Group>
    );
  }
  const style = SOURCE_STYLES[hit.source === 'contribution' ? 'inquiry' : hit.source];
  const Icon = style.icon;
  return (
    <Group gap={6} wrap="nowrap">
      <ThemeIcon color={style.color} variant="light" size={22} radius="sm" aria-hidden>
        <Icon size={14} stroke={1.8} />
      </ThemeIcon>
      <Text size="xs" fw={600}>
        {style.label}
      </Text>
    </Group>
  );
}

/** The heading without the kind it starts with (the kind is shown beside it already). */
function headingOf(hit: SearchHit): string {
  const prefix = hit.kind ? `${KINDS[hit.kind].label}: ` : '';
  return prefix && hit.title.startsWith(prefix) ? hit.title.slice(prefix.length) : hit.title;
}

export function SearchHitCard({ hit, onOpen }: { hit: SearchHit; onOpen?: () => void }) {
  const isNote = hit.source === 'contribution';
  const heading = headingOf(hit);
  return (
    <Card className={classes.hit} p="md" component="article">
      <Stack gap={8}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <SourceMark hit={hit} />
            {hit.state && (
              <Badge variant="light" color={STATE_STYLES[hit.state].color} radius="sm" size="sm" tt="none">
                {STATE_STYLES[hit.state].label}
              </Badge>
            )}
          </Group>
          <PhaseBadge phase={hit.inquiry.phase} />
        </Group>
        <Text component="h3" className={classes.hitTitle}>
          <Link to={hitHref(hit)} className={classes.stretched} onClick={onOpen}>
            {heading}
          </Link>
        </Text>
        {hit.snippet.length > 0 && <Snippet parts={hit.snippet} />}
        <Group gap="md" wrap="wrap" style={{ rowGap: 4 }}>
          {heading !== hit.inquiry.title && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              In “{hit.inquiry.title}”
            </Text>
          )}
          {isNote && (
            <Group gap={6} wrap="nowrap">
              <PersonAvatar person={hit.author} size={18} />
              <Text size="xs" c="dimmed">
                {hit.author ? hit.author.name : 'Anonymous'}
              </Text>
            </Group>
          )}
          {isNote && hit.perspective && (
            <Text size="xs" c="dimmed">
              Lens: {hit.perspective}
            </Text>
          )}
          <RelativeTime iso={hit.createdAt} />
        </Group>
      </Stack>
    </Card>
  );
}
