import { Accordion, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { Contribution } from '../../../contract/contributions.js';
import { namesList, type Proposal, type ProposalVersion } from './ConclusionModel.js';
import { ObjectionCard } from './ConclusionObjections.js';
import { VersionBlock } from './ConclusionPanel.js';

/**
 * Every earlier version with who endorsed it and the objections raised on it. Nothing is ever deleted:
 * an objection to an old version stays in the record, marked with its version.
 */
export function ConclusionHistory({
  proposal,
  current,
  nameOf,
  notes,
  inquiryId,
  facilitatorId,
}: {
  inquiryId: string;
  facilitatorId: string;
  proposal: Proposal;
  current: ProposalVersion;
  nameOf: (id: string) => string;
  notes: readonly Contribution[];
}) {
  const earlier = proposal.versions.filter((v) => v.version !== current.version).reverse();
  const oldObjections = proposal.objections.filter((o) => o.version !== current.version).length;
  const parts = [
    earlier.length > 0 ? `${earlier.length} earlier ${earlier.length === 1 ? 'version' : 'versions'}` : '',
    oldObjections > 0 ? `${oldObjections} ${oldObjections === 1 ? 'objection' : 'objections'} on them` : '',
  ].filter(Boolean);

  return (
    <Accordion variant="contained" radius="md" chevronPosition="right">
      <Accordion.Item value="history">
        <Accordion.Control icon={<IconHistory size={16} aria-hidden />}>
          <Text size="sm" fw={600} span>
            History
          </Text>{' '}
          <Text size="sm" c="dimmed" span>
            · {parts.join(', ')}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xl">
            {earlier.map((v) => {
              const endorsed = proposal.endorsements
                .filter((e) => e.version === v.version)
                .map((e) => nameOf(e.userId));
              const objections = proposal.objections.filter((o) => o.version === v.version);
              return (
                <Stack key={v.version} gap="sm" component="section" aria-label={`Version ${v.version}`}>
                  <VersionBlock version={v} nameOf={nameOf} notes={notes} />
                  <Text size="sm" c="dimmed">
                    {endorsed.length > 0
                      ? `Endorsed by ${namesList(endorsed)} before version ${v.version + 1} asked everyone again.`
                      : 'Nobody had endorsed it yet when the next version replaced it.'}
                  </Text>
                  {objections.map((o) => (
                    <ObjectionCard
                      key={o.id}
                      objection={o}
                      inquiryId={inquiryId}
                      myId={undefined}
                      facilitatorId={facilitatorId}
                      proposerId={v.proposedBy}
                      nameOf={nameOf}
                      readOnly
                    />
                  ))}
                </Stack>
              );
            })}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
