import '@xyflow/react/dist/style.css';

import { List, Stack, Text, useComputedColorScheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import {
  BaseEdge,
  type Edge,
  type EdgeProps,
  getStraightPath,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  useInternalNode,
} from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { Participation } from '../../../contract/insights.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import classes from './Console.module.css';
import { FiguresTable } from './ConsoleSection.js';
import { borderPoint, circleLayout, circleRadius, plural } from './consoleModel.js';

// Who builds on whom, drawn with React Flow (as the knowledge map is): people on a circle, an arrow from
// the person who built on, supported, challenged or answered to the person whose note it was.

interface PersonData extends Record<string, unknown> {
  person: { id: string; name: string };
  facilitator: boolean;
}
type PersonNode = Node<PersonData, 'person'>;

const NODE_W = 150;
const NODE_H = 32;

const PersonNodeView = memo(function PersonNodeView({ data }: NodeProps<PersonNode>) {
  return (
    <>
      <Handle type="target" position={Position.Top} className={classes.handle} isConnectable={false} />
      <div className={classes.personNode} title={data.person.name}>
        <PersonAvatar person={data.person} size={22} />
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {data.person.name}
          {data.facilitator ? ' (facilitator)' : ''}
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} className={classes.handle} isConnectable={false} />
    </>
  );
});

const nodeTypes = { person: PersonNodeView };

/** Centre to centre, clipped at both people's boxes and moved apart when the pair builds on each other both ways. */
function FloatingEdge({
  id,
  source,
  target,
  markerEnd,
  style,
  label,
  labelStyle,
  labelBgStyle,
  data,
}: EdgeProps) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  if (!s || !t) return null;
  const w = NODE_W;
  const h = NODE_H;
  const sc = { x: s.internals.positionAbsolute.x + w / 2, y: s.internals.positionAbsolute.y + h / 2 };
  const tc = { x: t.internals.positionAbsolute.x + w / 2, y: t.internals.positionAbsolute.y + h / 2 };
  const offset = data?.twoWay ? 5 : 0;
  const a = borderPoint(sc, tc, w + 4, h + 4, offset);
  // The end is the start of the reverse line, so its sideways move is the other way round.
  const b = borderPoint(tc, sc, w + 12, h + 12, -offset);
  const [path, labelX, labelY] = getStraightPath({ sourceX: a.x, sourceY: a.y, targetX: b.x, targetY: b.y });
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={labelX}
      labelY={labelY}
      labelStyle={labelStyle}
      labelShowBg
      labelBgStyle={labelBgStyle}
      labelBgPadding={[3, 1]}
      labelBgBorderRadius={4}
    />
  );
}

const edgeTypes = { floating: FloatingEdge };

export function NetworkChart({ participation: p }: { participation: Participation }) {
  const scheme = useComputedColorScheme('light');
  // Drawn again (and fitted) when the width changes much, e.g. a phone turned sideways.
  const area = useElementSize();
  const widthStep = Math.round(area.width / 80);
  const names = useMemo(() => new Map(p.people.map((x) => [x.user.id, x.user.name])), [p.people]);
  const edgesData = useMemo(
    () => p.network.filter((e) => e.count > 0 && names.has(e.from) && names.has(e.to) && e.from !== e.to),
    [p.network, names],
  );

  const nodes = useMemo<PersonNode[]>(() => {
    const points = circleLayout(p.people.length, circleRadius(p.people.length, NODE_W));
    return p.people.map((x, i) => ({
      id: x.user.id,
      type: 'person',
      position: { x: (points[i]?.x ?? 0) - NODE_W / 2, y: (points[i]?.y ?? 0) - NODE_H / 2 },
      data: { person: x.user, facilitator: x.role === 'facilitator' },
      draggable: false,
      connectable: false,
      selectable: false,
      focusable: false,
      width: NODE_W,
      height: NODE_H,
    }));
  }, [p.people]);

  const max = Math.max(1, ...edgesData.map((e) => e.count));
  const edges = useMemo<Edge[]>(() => {
    const pairs = new Set(edgesData.map((e) => `${e.from}>${e.to}`));
    return edgesData.map((e) => ({
      id: `${e.from}>${e.to}`,
      source: e.from,
      target: e.to,
      type: 'floating',
      data: { twoWay: pairs.has(`${e.to}>${e.from}`) },
      label: String(e.count),
      focusable: false,
      selectable: false,
      style: {
        stroke: 'var(--mantine-color-accent-filled)',
        strokeWidth: 1 + (4 * e.count) / max,
        opacity: 0.75,
      },
      markerEnd: {
        type: MarkerType.ArrowClosed,
        color: 'var(--mantine-color-accent-filled)',
        width: 14,
        height: 14,
      },
      labelStyle: { fill: 'var(--mantine-color-text)', fontSize: 11, fontWeight: 600 },
      labelBgStyle: { fill: 'var(--mantine-color-body)' },
    }));
  }, [edgesData, max]);

  const sorted = [...edgesData].sort((a, b) => b.count - a.count);
  return (
    <Stack gap="xs">
      <div className={classes.network} ref={area.ref}>
        <ReactFlow<PersonNode>
          key={widthStep}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          colorMode={scheme}
          fitView
          fitViewOptions={{ padding: 0.2 }}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          panOnDrag={false}
          zoomOnScroll={false}
          zoomOnPinch={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          // Its faint attribution link fails the contrast check on this small pane (MIT; the map keeps it).
          proOptions={{ hideAttribution: true }}
        />
      </div>
      <Text size="sm" c="dimmed">
        {edgesData.length === 0
          ? 'Nobody has built on anyone else’s notes yet.'
          : `An arrow points from the person who built on a note to the person who wrote it; the number is how often. ${plural(edgesData.length, 'connection')}.`}
      </Text>
      {edgesData.length > 0 && (
        <FiguresTable summary="Show who builds on whom as a list">
          <List size="sm" spacing={2}>
            {sorted.map((e) => (
              <List.Item key={`${e.from}>${e.to}`}>
                {names.get(e.from)} built on {names.get(e.to)}’s notes {plural(e.count, 'time')}
              </List.Item>
            ))}
          </List>
        </FiguresTable>
      )}
    </Stack>
  );
}
