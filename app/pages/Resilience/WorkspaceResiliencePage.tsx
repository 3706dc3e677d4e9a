import {
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconHelpCircle, IconLifebuoy } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { PHASES, type Phase } from '../../../domain/model.js';
import { useWorkspaceResilience } from '../../api/insights.js';
import { useMyRole, useWorkspace } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { PageError } from '../../components/PageState.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { PhaseBadge } from '../../components/PhaseBadge.js';
import { ChartFrame } from '../Console/ChartFrame.js';
import { Figure } from '../Console/ConsoleSection.js';
import { axisTick, gridStroke, tooltipStyle } from '../Console/charts.js';
import { plural } from '../Console/consoleModel.js';
import { AwayPicker, busFactorColor, busFactorWords } from '../Console/ResilienceSection.js';

// Where the business's knowledge lives across the workspace, and where it still depends on one head: for
// owners and facilitators.

const isPhase = (p: string): p is Phase => (PHASES as readonly string[]).includes(p);

export function WorkspaceResiliencePage() {
  const { workspaceId = '' } = useParams();
  const role = useMyRole(workspaceId);
  const workspace = useWorkspace(workspaceId);
  const allowed = role === 'owner' || role === 'facilitator';
  const resilience = useWorkspaceResilience(workspaceId, allowed);
  const data = resilience.data;

  useEffect(() => {
    if (workspace.data) document.title = `Knowledge resilience · ${workspace.data.workspace.name} · Colearn`;
  }, [workspace.data]);

  const topics = useMemo(
    () =>
      [...(data?.topics ?? [])].sort(
        (a, b) => a.busFactor - b.busFactor || a.inquiry.title.localeCompare(b.inquiry.title),
      ),
    [data],
  );
  const titles = useMemo(() => new Map(topics.map((t) => [t.inquiry.id, t.inquiry.title])), [topics]);
  const buckets = useMemo(() => {
    const counts = [0, 0, 0, 0];
    for (const t of topics) counts[Math.min(3, t.busFactor)] = (counts[Math.min(3, t.busFactor)] ?? 0) + 1;
    return ['0', '1', '2', '3 or more'].map((label, i) => ({ label, topics: counts[i] ?? 0 }));
  }, [topics]);

  const crumbs = (
    <Anchor component={Link} to={`/w/${workspaceId}`} size="sm" c="dimmed" visibleFrom="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        Back to the workspace
      </Group>
    </Anchor>
  );

  if (workspace.isError) {
    return (
      <AppLayout workspaceId={workspaceId}>
        <PageError error={workspace.error} onRetry={() => workspace.refetch()} />
      </AppLayout>
    );
  }

  const onePerson = topics.filter((t) => t.busFactor === 1).length;
  const nobody = topics.filter((t) => t.busFactor === 0).length;

  return (
    <AppLayout workspaceId={workspaceId} crumbs={crumbs} wide>
      <Stack gap="lg">
        <Stack gap={6}>
          {workspace.data ? (
            <Text size="sm" c="dimmed">
              {workspace.data.workspace.name}
            </Text>
          ) : (
            <Skeleton h={16} w={160} />
          )}
          <Title order={1} size="h2">
            Knowledge resilience
          </Title>
          <Text c="dimmed" maw={760}>
            Where what the team has learned now lives, and where it still depends on one head: for each
            inquiry, how many people can explain it, who is the only one for some topic, and what would be
            lost if someone were away.{' '}
            <Anchor component={Link} to="/help#resilience" inherit underline="always">
              <IconHelpCircle size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 2 }} />
              How is this computed?
            </Anchor>
          </Text>
        </Stack>

        {role !== undefined && !allowed ? (
          <Text>Only the workspace’s owners and facilitators see this view.</Text>
        ) : resilience.isError ? (
          <PageError error={resilience.error} onRetry={() => resilience.refetch()} />
        ) : !data ? (
          <Stack gap="md">
            <Skeleton h={120} />
            <Skeleton h={240} />
          </Stack>
        ) : (
          <>
            <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
              <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg">
                <Figure
                  label="Topics"
                  value={topics.length}
                  explanation="Inquiries whose knowledge is counted here."
                />
                <Figure
                  label="Resting on one person"
                  value={onePerson}
                  explanation="Topics with a bus factor of 1: one absence and nobody could explain them."
                  testId="one-person"
                />
                <Figure
                  label="Nobody can explain"
                  value={nobody}
                  explanation="Topics nobody has both contributed to and endorsed, or taught back."
                />
                <Figure
                  label="Single points of failure"
                  value={data.singlePointsOfFailure.length}
                  explanation="People who are the only one able to explain at least one topic."
                  testId="spof"
                />
              </SimpleGrid>
            </Paper>

            <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="spof-heading">
              <Stack gap="sm">
                <Group gap="sm">
                  <ThemeIcon variant="light" color="orange" size={30} radius="md" aria-hidden>
                    <IconAlertTriangle size={18} />
                  </ThemeIcon>
                  <Title order={2} size="h4" id="spof-heading">
                    Single points of failure
                  </Title>
                </Group>
                {data.singlePointsOfFailure.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Nobody is the only one able to explain a topic.
                  </Text>
                ) : (
                  <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {data.singlePointsOfFailure.map((s) => (
                      <Group key={s.user.id} component="li" gap="xs" wrap="wrap" align="flex-start">
                        <PersonAvatar person={s.user} size={24} />
                        <Text size="sm" fw={650}>
                          {s.user.name}
                        </Text>
                        <Text size="sm" c="dimmed">
                          is the only one who can explain{' '}
                          {s.topics.map((id, i) => (
                            <span key={id}>
                              {i > 0 ? ', ' : ''}
                              <Anchor component={Link} to={`/i/${id}`} size="sm">
                                {titles.get(id) ?? 'an inquiry'}
                              </Anchor>
                            </span>
                          ))}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                )}
              </Stack>
            </Paper>

            <Paper
              withBorder
              p={{ base: 'md', sm: 'lg' }}
              component="section"
              aria-labelledby="topics-heading"
            >
              <Stack gap="md">
                <Group gap="sm">
                  <ThemeIcon variant="light" color="teal" size={30} radius="md" aria-hidden>
                    <IconLifebuoy size={18} />
                  </ThemeIcon>
                  <Title order={2} size="h4" id="topics-heading">
                    Topics by bus factor
                  </Title>
                </Group>
                {topics.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No inquiry yet: once the team works through one, its knowledge shows up here.
                  </Text>
                ) : (
                  <>
                    <Stack gap="xs" component="figure" m={0}>
                      <Text size="sm" fw={600} component="figcaption">
                        How many topics rest on how many people
                      </Text>
                      <ChartFrame
                        label={`Bar chart. ${buckets.map((b) => `bus factor ${b.label}: ${plural(b.topics, 'topic')}`).join('; ')}.`}
                        height={180}
                        maxWidth={520}
                      >
                        {(size) => (
                          <BarChart
                            width={size.width}
                            height={size.height}
                            data={buckets}
                            margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
                            accessibilityLayer={false}
                          >
                            <CartesianGrid stroke={gridStroke} vertical={false} />
                            <XAxis dataKey="label" tick={axisTick} stroke={gridStroke} />
                            <YAxis allowDecimals={false} tick={axisTick} stroke={gridStroke} width={28} />
                            <Tooltip contentStyle={tooltipStyle} />
                            <Bar dataKey="topics" name="Topics" radius={[4, 4, 0, 0]}>
                              {buckets.map((b, i) => (
                                <Cell
                                  key={b.label}
                                  fill={`var(--mantine-color-${busFactorColor(i)}-filled)`}
                                />
                              ))}
                            </Bar>
                          </BarChart>
                        )}
                      </ChartFrame>
                    </Stack>
                    <div style={{ overflowX: 'auto' }}>
                      <Table striped withTableBorder fz="sm" miw={520} aria-labelledby="topics-heading">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th scope="col">Inquiry</Table.Th>
                            <Table.Th scope="col">Bus factor</Table.Th>
                            <Table.Th scope="col">Who can explain it</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {topics.map((t) => (
                            <Table.Tr key={t.inquiry.id}>
                              <Table.Th scope="row" fw={500}>
                                <Group gap="xs" wrap="wrap">
                                  <Anchor component={Link} to={`/i/${t.inquiry.id}`} size="sm">
                                    {t.inquiry.title}
                                  </Anchor>
                                  {isPhase(t.inquiry.phase) && <PhaseBadge phase={t.inquiry.phase} />}
                                </Group>
                              </Table.Th>
                              <Table.Td>
                                <Badge
                                  variant="light"
                                  color={busFactorColor(t.busFactor)}
                                  radius="sm"
                                  tt="none"
                                  title={busFactorWords(t.busFactor)}
                                >
                                  {t.busFactor}
                                </Badge>
                              </Table.Td>
                              <Table.Td>
                                {t.holders.length === 0 ? (
                                  <Text size="sm" c="dimmed">
                                    nobody yet
                                  </Text>
                                ) : (
                                  t.holders.map((h) => h.name).join(', ')
                                )}
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </div>
                  </>
                )}
              </Stack>
            </Paper>

            <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
              <AwayPicker away={data.away} scope="workspace" />
            </Paper>
          </>
        )}
      </Stack>
    </AppLayout>
  );
}
