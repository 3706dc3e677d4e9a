import { Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { Contribution } from '../../../contract/contributions.js';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import { ConclusionPanel } from './ConclusionPanel.js';
import { ReflectionPanel } from './ReflectionPanel.js';
import { isTemp } from './useBoardData.js';

/**
 * What sits above the board in the last phases: the conclusion by consent while synthesizing, the
 * reflections while reflecting (the adopted conclusion read-only beneath), and a summary once concluded.
 */
export function ConclusionStage({
  detail,
  myId,
  notes,
}: {
  detail: InquiryDetail;
  myId: string | undefined;
  notes: readonly Contribution[] | undefined;
}) {
  const saved = useMemo(() => (notes ?? []).filter((n) => !isTemp(n.id)), [notes]);
  switch (detail.inquiry.phase) {
    case 'synthesizing':
      return <ConclusionPanel detail={detail} myId={myId} notes={saved} />;
    case 'reflecting':
      return (
        <Stack gap="lg">
          <ReflectionPanel detail={detail} myId={myId} />
          <ConclusionPanel detail={detail} myId={myId} notes={saved} readOnly />
        </Stack>
      );
    case 'concluded':
      return (
        <Stack gap="md" component="section" aria-labelledby="inquiry-summary">
          <Stack gap={2}>
            <Title order={2} size="h3" id="inquiry-summary">
              What the group concluded
            </Title>
            <Text size="sm" c="dimmed">
              This inquiry is closed. Its conclusion, the notes it rests on and what each person learned stay
              here for the next team.
            </Text>
          </Stack>
          <ConclusionPanel detail={detail} myId={myId} notes={saved} readOnly />
          <ReflectionPanel detail={detail} myId={myId} readOnly />
        </Stack>
      );
    default:
      return null;
  }
}
