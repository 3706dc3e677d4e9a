import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Mode } from '../../../domain/model.js';
import { api } from '../../api/endpoints.js';
import { keys, useMe, useMyRole, useWorkspace } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import {
  EMPTY_FRAMING,
  FRAMING_FIELDS,
  type FramingValues,
  InquiryFields,
} from '../../components/InquiryFields.js';
import { PageError, PageLoader } from '../../components/PageState.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';
import { clearDraft, loadDraft, saveDraft } from './draft.js';
import { completeAnswers, FitCheck, incompleteMessage, type PartialFitAnswers } from './FitCheck.js';
import { CardDrawer, SearchDrawer } from './LibraryDrawers.js';
import { RelatedPanel } from './RelatedPanel.js';

const FIELDS = [...FRAMING_FIELDS, 'fitCheck.overrideReason', 'fitCheck'] as const;

export function FrameInquiryPage() {
  const { workspaceId = '' } = useParams();
  const me = useMe();
  const role = useMyRole(workspaceId);
  const workspace = useWorkspace(workspaceId);
  // A draft kept from before (the person opened a past inquiry from here and came back).
  const [restored, setRestored] = useState(() => loadDraft(workspaceId));
  const [values, setValues] = useState<FramingValues>(restored?.values ?? EMPTY_FRAMING);
  const [busy, setBusy] = useState(false);
  const [fitAnswers, setFitAnswers] = useState<PartialFitAnswers>(restored?.fitAnswers ?? {});
  const [overrideReason, setOverrideReason] = useState(restored?.overrideReason ?? '');
  const [cardOf, setCardOf] = useState<{ id: string; title: string } | null>(null);
  const [libraryQuery, setLibraryQuery] = useState('');
  const [searchOpen, setSearchOpen] = useState(false);
  const [answersError, setAnswersError] = useState<string | undefined>(undefined);
  const { errors, formError, fromError, clear, reset } = useFormErrors(FIELDS);
  const qc = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    document.title = 'Frame an inquiry · Colearn';
  }, []);

  useEffect(() => {
    saveDraft(workspaceId, { values, fitAnswers, overrideReason });
  }, [workspaceId, values, fitAnswers, overrideReason]);

  const setMode = useCallback(
    (mode: Mode) => {
      setValues((v) => (v.mode === mode ? v : { ...v, mode }));
      clear('mode');
      clear('fitCheck.overrideReason');
    },
    [clear],
  );

  if (workspace.isError) {
    return (
      <AppLayout workspaceId={workspaceId}>
        <PageError error={workspace.error} />
      </AppLayout>
    );
  }
  if (!workspace.data || !me.data) {
    return (
      <AppLayout workspaceId={workspaceId}>
        <PageLoader />
      </AppLayout>
    );
  }

  const myId = me.data.user.id;
  const people = workspace.data.members
    .filter((m) => m.user.id !== myId)
    .map((m) => ({ value: m.user.id, label: m.user.name }));
  const allowed = role === 'owner' || role === 'facilitator';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    const incomplete = incompleteMessage(fitAnswers);
    if (incomplete) {
      setAnswersError(incomplete);
      return;
    }
    const answers = completeAnswers(fitAnswers);
    setBusy(true);
    try {
      const fitCheck = answers
        ? { answers, ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}) }
        : undefined;
      const { inquiry } = await api.createInquiry(workspaceId, { ...values, fitCheck });
      clearDraft(workspaceId);
      await qc.invalidateQueries({ queryKey: keys.inquiries(workspaceId) });
      notifySuccess('Invite the first notes: a question, a hunch, an honest unknown.', 'Inquiry framed');
      navigate(`/i/${inquiry.id}`);
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  return (
    <AppLayout workspaceId={workspaceId}>
      <Stack maw={720} mx="auto" gap="lg">
        <Anchor component={Link} to={`/w/${workspaceId}`} size="sm" c="dimmed">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden /> Back to {workspace.data.workspace.name}
          </Group>
        </Anchor>
        <Stack gap={4}>
          <Title order={1} size="h2">
            Frame an inquiry
          </Title>
          <Text c="dimmed">
            A good inquiry starts from a question nobody can answer alone. Your job is to frame it and ask —
            the group finds the answer.
          </Text>
        </Stack>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearchOpen(true);
          }}
        >
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1, minWidth: 0 }}
              label="Search the library"
              description="See what the team already found out before you frame something new."
              placeholder="supplier delay, print slot…"
              value={libraryQuery}
              onChange={(e) => setLibraryQuery(e.currentTarget.value)}
              maxLength={200}
              leftSection={<IconSearch size={16} aria-hidden />}
            />
            <Button type="submit" variant="default">
              Search
            </Button>
          </Group>
        </form>
        {!allowed ? (
          <Alert color="yellow" variant="light">
            Only owners and facilitators can frame inquiries. Ask one of them to start this one.
          </Alert>
        ) : (
          <Card p={{ base: 'md', sm: 'xl' }}>
            <form onSubmit={submit} noValidate>
              <Stack gap="xl">
                {restored && (
                  <Alert color="blue" variant="light" title="Your draft is as you left it">
                    <Group justify="space-between" gap="xs">
                      <Text size="sm">Carry on where you were, or start again from an empty page.</Text>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => {
                          clearDraft(workspaceId);
                          setValues(EMPTY_FRAMING);
                          setFitAnswers({});
                          setOverrideReason('');
                          setRestored(null);
                        }}
                      >
                        Start over
                      </Button>
                    </Group>
                  </Alert>
                )}
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
                  afterQuestion={
                    <RelatedPanel
                      workspaceId={workspaceId}
                      text={`${values.title}\n${values.question}`}
                      onOpenCard={setCardOf}
                    />
                  }
                  modeField={
                    <FitCheck
                      answers={fitAnswers}
                      onAnswers={(a) => {
                        setFitAnswers(a);
                        setAnswersError(undefined);
                        clear('fitCheck');
                      }}
                      mode={values.mode}
                      onMode={setMode}
                      overrideReason={overrideReason}
                      onOverrideReason={(r) => {
                        setOverrideReason(r);
                        clear('fitCheck.overrideReason');
                      }}
                      reasonError={errors['fitCheck.overrideReason'] ?? errors.fitCheck}
                      modeError={errors.mode}
                      answersError={answersError}
                    />
                  }
                />
                <Group justify="flex-end" gap="sm">
                  <Button
                    component={Link}
                    to={`/w/${workspaceId}`}
                    variant="default"
                    onClick={() => clearDraft(workspaceId)}
                  >
                    Cancel
                  </Button>
                  <Button type="submit" loading={busy}>
                    Start the inquiry
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        )}
      </Stack>
      <CardDrawer inquiry={cardOf} onClose={() => setCardOf(null)} />
      <SearchDrawer
        workspaceId={workspaceId}
        initialQuery={libraryQuery}
        opened={searchOpen}
        onClose={() => setSearchOpen(false)}
      />
    </AppLayout>
  );
}
