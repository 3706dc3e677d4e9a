import { Alert, Button, Group, List, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconHeartHandshake, IconLock, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Pulse, PulseResults } from '../../../contract/pulses.js';
import { usePulseMutations, usePulseResults, usePulses } from '../../api/insights.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';
import { ChartFrame } from './ChartFrame.js';
import { ConsoleSection, Figure, FiguresTable } from './ConsoleSection.js';
import { axisTick, gridStroke, seriesColor, tooltipStyle } from './charts.js';
import { plural } from './consoleModel.js';

/** Open and close the psychological-safety pulse, and see its results once enough people answered. */
export function PulseSection({ inquiryId, lastSeq }: { inquiryId: string; lastSeq: number | undefined }) {
  const pulses = usePulses(inquiryId, lastSeq);
  const { open, close } = usePulseMutations(inquiryId);
  const list = [...(pulses.data?.items ?? [])].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const current = list.find((p) => p.closedAt === null);
  const latest = current ?? list[0];

  const onOpen = () =>
    open.mutate(undefined, {
      onSuccess: () => notifySuccess('The pulse is open: participants see it on the inquiry.'),
      onError: (e) => notifyError(e, 'Could not open the pulse'),
    });
  const onClose = (p: Pulse) =>
    close.mutate(p.id, {
      onSuccess: () => notifySuccess('The pulse is closed.'),
      onError: (e) => notifyError(e, 'Could not close the pulse'),
    });

  return (
    <ConsoleSection
      id="pulse"
      title="Psychological safety"
      icon={IconHeartHandshake}
      color="pink"
      helpId="pulse"
      description="A short pulse on the Team Psychological Safety scale (Edmondson, 1999): is it safe here to ask, admit a mistake, disagree?"
      actions={
        current ? (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlayerStop size={14} />}
            onClick={() => onClose(current)}
            loading={close.isPending}
          >
            Close the pulse
          </Button>
        ) : (
          <Button
            size="xs"
            leftSection={<IconPlayerPlay size={14} />}
            onClick={onOpen}
            loading={open.isPending}
          >
            Open a pulse
          </Button>
        )
      }
    >
      <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />} p="sm">
        <Text size="sm">
          Answers are stored without a link to the person. Results appear only in aggregate, once the pulse is
          closed and only if at least k people answered (k is the workspace’s threshold, never below 3);
          comments only with at least k of them, shuffled. Nobody, you included, can see an individual answer.
        </Text>
      </Alert>
      {pulses.isError ? (
        <Text size="sm" c="red">
          The pulses could not be read.
        </Text>
      ) : !latest ? (
        <Text size="sm" c="dimmed">
          No pulse yet for this inquiry.
        </Text>
      ) : (
        <PulseStatus pulse={latest} />
      )}
    </ConsoleSection>
  );
}

function PulseStatus({ pulse }: { pulse: Pulse }) {
  const results = usePulseResults(pulse.id, pulse.responses, pulse.closedAt);
  const reached = pulse.responses >= pulse.threshold;
  return (
    <Stack gap="md">
      <Stack gap={4} data-testid="pulse-status">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {pulse.closedAt ? 'Last pulse, closed' : 'Pulse open'}
          </Text>
          <RelativeTime iso={pulse.openedAt} prefix="opened" />
        </Group>
        <Text size="sm">
          {plural(pulse.responses, 'answer')} of the {pulse.threshold} needed to show results.
          {pulse.closedAt === null &&
            (reached
              ? ' Close the pulse to see them.'
              : ' Closing it before then means this pulse never shows results.')}
        </Text>
        <Progress.Root maw={420}>
          <Progress.Section
            value={Math.min(100, (pulse.responses / Math.max(1, pulse.threshold)) * 100)}
            color={reached ? 'green' : 'pink'}
            aria-label={`${pulse.responses} of ${pulse.threshold} answers needed`}
          />
        </Progress.Root>
      </Stack>
      {results.data && <PulseResultsView results={results.data} />}
    </Stack>
  );
}

function PulseResultsView({ results: r }: { results: PulseResults }) {
  return (
    <Stack gap="md">
      {r.score === null || !r.items ? (
        <Text size="sm" c="dimmed" data-testid="pulse-waiting">
          {r.responses < r.threshold
            ? `Results appear once the pulse is closed with at least ${r.threshold} answers (${r.responses} so far).`
            : 'Results appear once the pulse is closed.'}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Figure
              label="Safety score"
              value={`${r.score.toFixed(1)} / 7`}
              explanation="Mean of the seven statements (1, 3 and 5 reverse-scored): higher is safer."
              testId="pulse-score"
            />
            <Figure
              label="Answers"
              value={r.responses}
              explanation={`At least ${r.threshold} needed for results.`}
            />
          </SimpleGrid>
          <Stack gap="xs" component="figure" m={0}>
            <Title order={3} size="h5" component="figcaption">
              Per statement (mean, 1–7, after reverse-scoring)
            </Title>
            <ChartFrame
              label={`Bar chart. ${r.items.map((i) => `Statement ${i.item}: ${i.mean.toFixed(1)}`).join('; ')}.`}
              height={240}
            >
              {(size) => (
                <BarChart
                  width={size.width}
                  height={size.height}
                  data={(r.items ?? []).map((i) => ({
                    name: `#${i.item}${i.reversed ? ' (R)' : ''}`,
                    mean: i.mean,
                  }))}
                  margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
                  accessibilityLayer={false}
                >
                  <CartesianGrid stroke={gridStroke} vertical={false} />
                  <XAxis dataKey="name" tick={axisTick} stroke={gridStroke} />
                  <YAxis
                    domain={[1, 7]}
                    ticks={[1, 2, 3, 4, 5, 6, 7]}
                    tick={axisTick}
                    stroke={gridStroke}
                    width={28}
                  />
                  <Tooltip contentStyle={tooltipStyle} formatter={(v) => Number(v).toFixed(2)} />
                  <Bar dataKey="mean" name="Mean" fill={seriesColor(4)} radius={[4, 4, 0, 0]} />
                </BarChart>
              )}
            </ChartFrame>
            <FiguresTable summary="Show the statements and their means">
              <Table striped withTableBorder fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">#</Table.Th>
                    <Table.Th scope="col">Statement</Table.Th>
                    <Table.Th scope="col">Mean</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.items.map((i) => (
                    <Table.Tr key={i.item}>
                      <Table.Th scope="row">{i.item}</Table.Th>
                      <Table.Td>
                        {i.statement}
                        {i.reversed ? ' (reverse-scored)' : ''}
                      </Table.Td>
                      <Table.Td>{i.mean.toFixed(2)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </FiguresTable>
          </Stack>
        </>
      )}
      {r.comments && r.comments.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            Comments (shuffled)
          </Title>
          <List size="sm" spacing={4}>
            {r.comments.map((c, i) => (
              // Shuffled text with no identity: the position is the only key there is.
              <List.Item key={i}>{c}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {r.trend.length > 1 && (
        <Stack gap="xs" component="figure" m={0}>
          <Title order={3} size="h5" component="figcaption">
            Trend across pulses that reached the threshold
          </Title>
          <ChartFrame
            label={`Line chart. ${r.trend.map((t) => `${new Date(t.openedAt).toLocaleDateString()}: ${t.score.toFixed(1)}`).join('; ')}.`}
            height={200}
          >
            {(size) => (
              <LineChart
                width={size.width}
                height={size.height}
                data={r.trend.map((t) => ({
                  date: new Date(t.openedAt).toLocaleDateString(),
                  score: t.score,
                }))}
                margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
                accessibilityLayer={false}
              >
                <CartesianGrid stroke={gridStroke} vertical={false} />
                <XAxis dataKey="date" tick={axisTick} stroke={gridStroke} />
                <YAxis domain={[1, 7]} ticks={[1, 3, 5, 7]} tick={axisTick} stroke={gridStroke} width={28} />
                <Tooltip contentStyle={tooltipStyle} formatter={(v) => Number(v).toFixed(2)} />
                <Line
                  dataKey="score"
                  name="Score"
                  stroke={seriesColor(5)}
                  strokeWidth={2}
                  dot
                  isAnimationActive={false}
                />
              </LineChart>
            )}
          </ChartFrame>
        </Stack>
      )}
    </Stack>
  );
}
