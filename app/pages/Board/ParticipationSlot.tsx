import { Stack } from '@mantine/core';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import { CommitmentsPanel } from './CommitmentsPanel.js';
import { CooperativeBanner, SubtasksPanel } from './SubtasksPanel.js';

/**
 * What the board shows above the notes for accountability: in a cooperative inquiry the subtasks (split,
 * delivered, assembled); once a conclusion exists (reflecting, concluded) the commitments that follow it.
 */
export function ParticipationSlot({
  detail,
  myId,
  canModerate,
}: {
  detail: InquiryDetail;
  myId: string | undefined;
  canModerate: boolean;
}) {
  const { inquiry } = detail;
  const cooperative = inquiry.mode === 'cooperative';
  const commitments = inquiry.phase === 'reflecting' || inquiry.phase === 'concluded';
  if (!cooperative && !commitments) return null;
  return (
    <Stack gap="md">
      {cooperative && (
        <>
          <CooperativeBanner />
          <SubtasksPanel detail={detail} myId={myId} canModerate={canModerate} />
        </>
      )}
      {commitments && <CommitmentsPanel detail={detail} myId={myId} canModerate={canModerate} />}
    </Stack>
  );
}
