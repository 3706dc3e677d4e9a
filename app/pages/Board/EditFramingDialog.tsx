import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import { api } from '../../api/endpoints.js';
import { keys, useWorkspace } from '../../api/queries.js';
import { FRAMING_FIELDS, type FramingValues, InquiryFields } from '../../components/InquiryFields.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';

function valuesOf(detail: InquiryDetail): FramingValues {
  const i = detail.inquiry;
  return {
    title: i.title,
    question: i.question,
    context: i.context,
    successCriteria: i.successCriteria,
    mode: i.mode,
    allowAnonymous: i.allowAnonymous,
    privateMode: i.privateMode,
    leaderSpeaksLast: i.leaderSpeaksLast,
    privatePhases: i.privatePhases,
    participantIds: detail.participants.filter((p) => p.user.id !== i.facilitatorId).map((p) => p.user.id),
  };
}

export function EditFramingDialog({
  detail,
  opened,
  onClose,
}: {
  detail: InquiryDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const mobile = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title="Edit the framing" size="lg" fullScreen={mobile}>
      {opened && <EditFramingForm detail={detail} onClose={onClose} />}
    </Modal>
  );
}

function EditFramingForm({ detail, onClose }: { detail: InquiryDetail; onClose: () => void }) {
  const [values, setValues] = useState<FramingValues>(() => valuesOf(detail));
  const [busy, setBusy] = useState(false);
  const { errors, formError, fromError, clear, reset } = useFormErrors(FRAMING_FIELDS);
  const workspace = useWorkspace(detail.inquiry.workspaceId);
  const qc = useQueryClient();
  const id = detail.inquiry.id;

  const people = (workspace.data?.members ?? [])
    .filter((m) => m.user.id !== detail.inquiry.facilitatorId)
    .map((m) => ({ value: m.user.id, label: m.user.name }));
  // Keep current participants selectable even if the member list has not loaded.
  for (const p of detail.participants) {
    if (p.user.id !== detail.inquiry.facilitatorId && !people.some((x) => x.value === p.user.id)) {
      people.push({ value: p.user.id, label: p.user.name });
    }
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    setBusy(true);
    try {
      await api.updateInquiry(id, values);
      await qc.invalidateQueries({ queryKey: keys.inquiry(id), exact: true });
      notifySuccess('The new framing is on the board for everyone.', 'Framing updated');
      onClose();
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <InquiryFields
          values={values}
          errors={errors}
          people={people}
          onChange={(patch, field) => {
            setValues((v) => ({ ...v, ...patch }));
            clear(field);
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save framing
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
