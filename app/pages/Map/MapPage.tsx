import '@xyflow/react/dist/style.css';

import {
  Button,
  Chip,
  Group,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  useComputedColorScheme,
} from '@mantine/core';
import { useElementSize } from '@mantine/hooks';

import {
  Background,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  MiniMap,
  type Node,
  type NodeHandle,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import { type CSSProperties, memo, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Contribution, Link as NoteLink } from '../../../contract/contributions.js';
import type { ContributionKind } from '../../../domain/model.js';
import { AppLayout } from '../../components/AppLayout.js';
import { BackToBoard } from '../../components/BackToBoard.js';
import { InquiryNav } from '../../components/InquiryNav.js';
import { PageError } from '../../components/PageState.js';
import { KIND_LIST, KINDS, LINKS } from '../../kinds.js';
import { useLiveInquiry } from '../../live/useLiveInquiry.js';
import { useBoardQueries } from '../Board/useBoardData.js';
import classes from './Map.module.css';
import {
  ANONYMOUS,
  excerpt,
  layoutMap,
  lensesOf,
  type MapFilters,
  mapFilterCount,
  matchesMap,
  NO_MAP_FILTERS,
  NODE_H,
  NODE_W,
} from './mapModel.js';

// The knowledge map: every note the viewer can see as a node (its kind's colour, icon and name), every link
// as a labelled edge; threads laid out together. A node opens its note on the board.

interface NoteData extends Record<string, unknown> {
  note: Contribution;
  href: string;
}
type NoteNode = Node<NoteData, 'note'>;

/** Past this many notes the map opens at a readable zoom on the largest threads instead of fitting all. */
const FIT_ALL_MAX = 150;
const HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Top, x: NODE_W / 2, y: 0, width: 1, height: 1 },
  { type: 'source', position: Position.Bottom, x: NODE_W / 2, y: NODE_H - 1, width: 1, height: 1 },
];
/** The overview draws every note; past this many it costs more than it shows (and on a phone it hides the map). */
const MINIMAP_MAX = 400;

const NoteNodeView = memo(function NoteNodeView({ data }: NodeProps<NoteNode>) {
  const c = data.note;
  const k = KINDS[c.kind];
  const Icon = k.icon;
  const who = c.anonymous ? 'Anonymous' : (c.author?.name ?? 'Someone');
  const text = excerpt(c.body);
  return (
    <>
      <Handle type="target" position={Position.Top} className={classes.handle} isConnectable={false} />
      <Link
        to={data.href}
        className={classes.node}
        style={{ '--kind-color': `var(--mantine-color-${k.color}-filled)` } as CSSProperties}
        aria-label={`${k.label} by ${who}: ${text} (open on the board)`}
      >
        <span className={classes.kind} style={{ color: `var(--mantine-color-${k.color}-ink)` }}>
          <Icon size={14} stroke={1.8} aria-hidden />
          {k.label}
        </span>
        <span className={classes.body}>{text}</span>
        <span className={classes.meta}>
          {who}
          {c.perspective ? ` · ${c.perspective} lens` : ''}
          {c.acknowledgements > 0 ? ` · helped ${c.acknowledgements}` : ''}
        </span>
      </Link>
      <Handle type="source" position={Position.Bottom} className={classes.handle} isConnectable={false} />
    </>
  );
});

const nodeTypes = { note: NoteNodeView };

/** The links' structure (not their text): the layout is computed again only when this changes. */
function structureOf(items: readonly Contribution[], links: readonly NoteLink[]): string {
  return `${items.map((c) => c.id).join(',')}|${links.map((l) => `${l.id}:${l.fromId}>${l.toId}:${l.kind}`).join(',')}`;
}

export function MapPage() {
  const { inquiryId = '' } = useParams();
  const liveUp = useRef(false);
  const { detail, board } = useBoardQueries(inquiryId, liveUp);
  useLiveInquiry(inquiryId, detail.data?.inquiry.lastSeq, liveUp);
  const inquiry = detail.data?.inquiry;
  const scheme = useComputedColorScheme('light');
  const [filters, setFilters] = useState<MapFilters>(NO_MAP_FILTERS);
  // React Flow is given its size up front: unmeasured, it would draw (and measure) every node once.
  const area = useElementSize<HTMLElement>();

  useEffect(() => {
    if (inquiry) document.title = `Map · ${inquiry.title} · Colearn`;
  }, [inquiry]);

  const items = board.data?.items;
  const links = board.data?.links;
  const structure = useMemo(() => (items && links ? structureOf(items, links) : ''), [items, links]);
  // Once per change of the notes and links themselves; edits, states and "helped" counts reuse it.
  const layout = useMemo(() => (items && links ? layoutMap(items, links) : null), [structure]);

  const visibleIds = useMemo(() => {
    const set = new Set<string>();
    for (const c of items ?? []) if (matchesMap(c, filters)) set.add(c.id);
    return set;
  }, [items, filters]);

  const nodes = useMemo<NoteNode[]>(() => {
    if (!layout || !items) return [];
    const out: NoteNode[] = [];
    for (const c of items) {
      const p = layout.positions.get(c.id);
      if (!p || !visibleIds.has(c.id)) continue;
      out.push({
        id: c.id,
        type: 'note',
        position: p,
        data: { note: c, href: `/i/${inquiryId}?note=${encodeURIComponent(c.id)}` },
        draggable: false,
        connectable: false,
        selectable: false,
        focusable: false,
        width: NODE_W,
        height: NODE_H,
        // Known handles: React Flow then need not draw every node once to measure them.
        handles: HANDLES,
      });
    }
    return out;
  }, [layout, items, visibleIds, inquiryId]);

  const edges = useMemo<Edge[]>(() => {
    if (!layout) return [];
    return layout.links
      .filter((l) => visibleIds.has(l.fromId) && visibleIds.has(l.toId))
      .map((l) => {
        const L = LINKS[l.kind];
        const color = `var(--mantine-color-${L.color}-filled)`;
        return {
          id: l.id,
          // Drawn from the note replied to (above) down to the reply; the arrow points at the note replied to.
          source: l.toId,
          target: l.fromId,
          label: L.verb,
          focusable: false,
          selectable: false,
          style: {
            stroke: color,
            strokeWidth: 1.6,
            strokeDasharray: l.kind === 'challenges' ? '6 4' : undefined,
          },
          markerStart: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
          labelStyle: { fill: 'var(--mantine-color-text)', fontSize: 11, fontWeight: 500 },
          labelBgStyle: { fill: 'var(--mantine-color-body)' },
          labelBgPadding: [4, 2] as [number, number],
          labelBgBorderRadius: 4,
        };
      });
  }, [layout, visibleIds]);

  const people = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of detail.data?.participants ?? []) map.set(p.user.id, p.user.name);
    for (const c of items ?? []) if (!c.anonymous && c.author) map.set(c.author.id, c.author.name);
    const list = [...map]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
    if ((items ?? []).some((c) => c.anonymous)) list.push({ value: ANONYMOUS, label: 'Anonymous' });
    return list;
  }, [detail.data, items]);
  const lenses = useMemo(() => {
    const set = new Set(lensesOf(items ?? []));
    for (const p of detail.data?.participants ?? []) if (p.perspective) set.add(p.perspective);
    return [...set].sort((a, b) => a.localeCompare(b));
  }, [detail.data, items]);

  if (detail.isError) {
    return (
      <AppLayout>
        <PageError error={detail.error} onRetry={() => detail.refetch()} />
      </AppLayout>
    );
  }

  const crumbs = <BackToBoard inquiryId={inquiryId} />;
  const total = items?.length ?? 0;
  const count = mapFilterCount(filters);

  return (
    <AppLayout workspaceId={inquiry?.workspaceId} crumbs={crumbs} wide>
      <Stack gap="md">
        <Stack gap={6}>
          {inquiry ? (
            <>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {inquiry.title}
              </Text>
              <Title order={1} size="h2">
                Knowledge map
              </Title>
              <Text c="dimmed" maw={720} size="sm" visibleFrom="sm">
                The group’s shared picture: each note by its kind, each line how one note builds on, supports,
                challenges, answers or synthesizes another. Open a note to read it on the board.
              </Text>
            </>
          ) : (
            <Skeleton h={60} w="60%" />
          )}
        </Stack>
        <InquiryNav inquiryId={inquiryId} current="map" />

        <Stack gap="sm" component="section" aria-label="Map filters">
          <Chip.Group
            multiple
            value={filters.kinds}
            onChange={(v) => setFilters({ ...filters, kinds: v as ContributionKind[] })}
          >
            <Group gap={6} role="group" aria-label="Kinds">
              {KIND_LIST.map((k) => {
                const Icon = KINDS[k].icon;
                return (
                  <Chip
                    key={k}
                    value={k}
                    size="xs"
                    color={KINDS[k].color}
                    variant="light"
                    styles={{ label: { color: 'var(--mantine-color-text)' } }}
                  >
                    <Icon
                      size={13}
                      stroke={1.8}
                      aria-hidden
                      style={{
                        verticalAlign: -2,
                        marginRight: 4,
                        color: `var(--mantine-color-${KINDS[k].color}-ink)`,
                      }}
                    />
                    {KINDS[k].label}
                  </Chip>
                );
              })}
            </Group>
          </Chip.Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label="Person"
              placeholder="Everyone"
              data={people}
              value={filters.person}
              onChange={(person) => setFilters({ ...filters, person })}
              clearable
              size="xs"
              style={{ flex: '1 1 140px', maxWidth: 220 }}
            />
            <Select
              label="Lens"
              placeholder="Every lens"
              data={lenses}
              value={filters.lens}
              onChange={(lens) => setFilters({ ...filters, lens })}
              clearable
              size="xs"
              style={{ flex: '1 1 140px', maxWidth: 220 }}
              disabled={lenses.length === 0}
            />
            {count > 0 && (
              <Button variant="subtle" size="xs" onClick={() => setFilters(NO_MAP_FILTERS)}>
                Clear filters
              </Button>
            )}
            <Text size="xs" c="dimmed" aria-live="polite" ml="auto">
              {board.isSuccess ? `Showing ${nodes.length} of ${total} notes, ${edges.length} links` : ''}
            </Text>
          </Group>
        </Stack>

        <section aria-label="Knowledge map" className={classes.area} ref={area.ref}>
          {board.isPending ? (
            <Skeleton h="100%" />
          ) : board.isError ? (
            <PageError error={board.error} onRetry={() => board.refetch()} />
          ) : total === 0 ? (
            <Stack align="center" justify="center" h="100%" p="lg" ta="center">
              <Text c="dimmed" maw={420}>
                No notes yet. The map grows as the group asks questions, offers hypotheses and links them.
              </Text>
              <Button component={Link} to={`/i/${inquiryId}`} variant="light" size="xs">
                Go to the board
              </Button>
            </Stack>
          ) : area.width === 0 ? null : (
            <ReactFlow<NoteNode>
              width={area.width}
              height={area.height}
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              colorMode={scheme}
              onlyRenderVisibleElements
              nodesDraggable={false}
              nodesConnectable={false}
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              minZoom={0.05}
              maxZoom={2}
              fitView={total <= FIT_ALL_MAX}
              fitViewOptions={{ padding: 0.15, maxZoom: 1, minZoom: 0.45 }}
              defaultViewport={{ x: 24, y: 24, zoom: 0.75 }}
              ariaLabelConfig={{
                'node.a11yDescription.default': 'A note. Press Enter to open it on the board.',
              }}
            >
              <Background gap={24} size={1} />
              <Controls showInteractive={false} position="bottom-left" />
              {total <= MINIMAP_MAX && area.width >= 600 && (
                <MiniMap
                  pannable
                  zoomable
                  position="bottom-right"
                  ariaLabel="Overview of the map"
                  nodeColor={(n) =>
                    `var(--mantine-color-${KINDS[(n.data as NoteData).note.kind].color}-filled)`
                  }
                  style={{ width: 160, height: 110 }}
                />
              )}
            </ReactFlow>
          )}
        </section>

        <div className={classes.legend} aria-label="Link kinds">
          {Object.values(LINKS).map((L) => (
            <span key={L.verb}>
              <span
                className={`${classes.swatch} ${L.verb === LINKS.challenges.verb ? classes.dashed : ''}`}
                style={{ borderColor: `var(--mantine-color-${L.color}-filled)` }}
                aria-hidden
              />
              {L.label}
            </span>
          ))}
        </div>
      </Stack>
    </AppLayout>
  );
}
