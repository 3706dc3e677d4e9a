import { Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { Participation } from '../../../contract/insights.js';
import { ChartFrame } from './ChartFrame.js';
import { ConsoleSection, Figure, FiguresTable } from './ConsoleSection.js';
import { axisTick, gridStroke, legendStyle, seriesColor, tooltipStyle } from './charts.js';
import {
  bucketLabel,
  giniWords,
  percent,
  plural,
  type TimelineMetric,
  timelineRows,
} from './consoleModel.js';
import { NetworkChart } from './NetworkChart.js';

const METRICS: { value: TimelineMetric; label: string }[] = [
  { value: 'contributions', label: 'Contributions' },
  { value: 'buildOns', label: 'Build-ons' },
  { value: 'acknowledgements', label: 'Acknowledgements' },
];

/** Who takes part, how evenly, over time, and who builds on whom. */
export function ParticipationSection({ participation: p }: { participation: Participation }) {
  const people = p.people;
  const b = p.balance;
  const facilitatorMultiple = b.fairShare > 0 ? b.facilitatorShare / b.fairShare : 0;
  return (
    <ConsoleSection
      id="participation"
      title="Participation"
      icon={IconChartBar}
      color="accent"
      helpId="participation"
      description="Who is taking part, how evenly the notes are spread, and who builds on whom."
    >
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg">
        <Figure
          label="Balance (Gini)"
          value={b.gini.toFixed(2)}
          explanation={`0 = everyone wrote the same, 1 = one voice. ${giniWords(b.gini)}`}
          testId="gini"
        />
        <Figure
          label="Top voice"
          value={percent(b.topShare)}
          explanation={
            b.topVoice
              ? `${b.topVoice.name} wrote ${percent(b.topShare)} of the notes with a name on them.`
              : 'Nobody has written a note under their name yet.'
          }
          testId="top-voice"
        />
        <Figure
          label="Facilitator’s share"
          value={percent(b.facilitatorShare)}
          explanation={`A fair share is ${percent(b.fairShare)} (1 in ${people.length || 1}); the facilitator writes ${facilitatorMultiple.toFixed(1)}× that.`}
          testId="facilitator-share"
        />
        <Figure
          label="Anonymous notes"
          value={p.anonymousContributions}
          explanation="Counted in the discussion, never attributed to anyone."
          testId="anonymous"
        />
      </SimpleGrid>

      {people.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is taking part yet.
        </Text>
      ) : (
        <>
          <PerPersonChart participation={p} />
          <TimelineChart participation={p} />
          <Stack gap="xs">
            <Title order={3} size="h5">
              Who builds on whom
            </Title>
            <NetworkChart participation={p} />
          </Stack>
        </>
      )}
    </ConsoleSection>
  );
}

function PerPersonChart({ participation: p }: { participation: Participation }) {
  const data = p.people.map((x) => ({
    name: x.user.name,
    contributions: x.contributions,
    buildOns: x.buildOns,
    acknowledged: x.acknowledgementsReceived,
  }));
  const summary = p.people
    .map(
      (x) => `${x.user.name}: ${plural(x.contributions, 'contribution')}, ${plural(x.buildOns, 'build-on')}`,
    )
    .join('; ');
  const height = Math.max(160, 48 + p.people.length * 44);
  return (
    <Stack gap="xs" component="figure" m={0}>
      <Title order={3} size="h5" component="figcaption">
        Per person: contributions, build-ons and “this helped me” received
      </Title>
      <ChartFrame label={`Bar chart. ${summary}.`} height={height}>
        {(size) => (
          <BarChart
            width={size.width}
            height={size.height}
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={gridStroke} horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axisTick} stroke={gridStroke} />
            <YAxis type="category" dataKey="name" width={110} tick={axisTick} stroke={gridStroke} />
            <Tooltip contentStyle={tooltipStyle} cursor={{ fill: 'var(--mantine-color-default-hover)' }} />
            <Legend wrapperStyle={legendStyle} />
            <Bar dataKey="contributions" name="Contributions" fill={seriesColor(0)} radius={[0, 4, 4, 0]} />
            <Bar dataKey="buildOns" name="Build-ons" fill={seriesColor(1)} radius={[0, 4, 4, 0]} />
            <Bar
              dataKey="acknowledged"
              name="“Helped me” received"
              fill={seriesColor(2)}
              radius={[0, 4, 4, 0]}
            />
          </BarChart>
        )}
      </ChartFrame>
      <FiguresTable summary="Show the figures as a table">
        <Table striped withTableBorder fz="sm" miw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Contributions</Table.Th>
              <Table.Th scope="col">Share</Table.Th>
              <Table.Th scope="col">Build-ons</Table.Th>
              <Table.Th scope="col">Challenges</Table.Th>
              <Table.Th scope="col">“Helped me” given</Table.Th>
              <Table.Th scope="col">“Helped me” received</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.people.map((x) => (
              <Table.Tr key={x.user.id}>
                <Table.Th scope="row">
                  {x.user.name}
                  {x.role === 'facilitator' ? ' (facilitator)' : ''}
                </Table.Th>
                <Table.Td>{x.contributions}</Table.Td>
                <Table.Td>{percent(x.share)}</Table.Td>
                <Table.Td>{x.buildOns}</Table.Td>
                <Table.Td>{x.challenges}</Table.Td>
                <Table.Td>{x.acknowledgementsGiven}</Table.Td>
                <Table.Td>{x.acknowledgementsReceived}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </FiguresTable>
    </Stack>
  );
}

function TimelineChart({ participation: p }: { participation: Participation }) {
  const [metric, setMetric] = useState<TimelineMetric>('contributions');
  const ids = useMemo(() => p.people.map((x) => x.user.id), [p.people]);
  const rows = useMemo(() => timelineRows(p, metric, ids), [p, metric, ids]);
  const label = METRICS.find((m) => m.value === metric)?.label ?? metric;
  const totals = p.people.map((x) => ({
    name: x.user.name,
    n: rows.reduce((sum, r) => sum + Number(r[x.user.id] ?? 0), 0),
  }));
  const summary = `${label} per ${p.bucket} over ${plural(rows.length, p.bucket)}, stacked by person. Totals: ${totals
    .map((t) => `${t.name} ${t.n}`)
    .join(', ')}.`;
  return (
    <Stack gap="xs" component="figure" m={0}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={3} size="h5" component="figcaption">
          Over time, per {p.bucket}
        </Title>
        <div role="group" aria-label="What the chart over time shows">
          <SegmentedControl
            size="xs"
            value={metric}
            onChange={(v) => setMetric(v as TimelineMetric)}
            data={METRICS}
          />
        </div>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing to show over time yet.
        </Text>
      ) : (
        <>
          <ChartFrame label={`Area chart. ${summary}`} height={220}>
            {(size) => (
              <AreaChart
                width={size.width}
                height={size.height}
                data={rows}
                margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
                accessibilityLayer={false}
              >
                <CartesianGrid stroke={gridStroke} vertical={false} />
                <XAxis
                  dataKey="start"
                  tickFormatter={(v: string) => bucketLabel(v, p.bucket)}
                  tick={axisTick}
                  stroke={gridStroke}
                  minTickGap={24}
                />
                <YAxis allowDecimals={false} tick={axisTick} stroke={gridStroke} width={32} />
                <Tooltip
                  contentStyle={tooltipStyle}
                  labelFormatter={(v) => bucketLabel(String(v), p.bucket)}
                />
                <Legend wrapperStyle={legendStyle} />
                {p.people.map((x, i) => (
                  <Area
                    key={x.user.id}
                    type="monotone"
                    dataKey={x.user.id}
                    name={x.user.name}
                    stackId="people"
                    stroke={seriesColor(i)}
                    fill={seriesColor(i)}
                    fillOpacity={0.35}
                    isAnimationActive={false}
                  />
                ))}
              </AreaChart>
            )}
          </ChartFrame>
          <FiguresTable summary="Show the figures over time as a table">
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    {p.bucket === 'hour' ? 'Hour' : p.bucket === 'day' ? 'Day' : 'Week'}
                  </Table.Th>
                  {p.people.map((x) => (
                    <Table.Th scope="col" key={x.user.id}>
                      {x.user.name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={String(r.start)}>
                    <Table.Th scope="row">{bucketLabel(String(r.start), p.bucket)}</Table.Th>
                    {p.people.map((x) => (
                      <Table.Td key={x.user.id}>{r[x.user.id] ?? 0}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </FiguresTable>
        </>
      )}
    </Stack>
  );
}
