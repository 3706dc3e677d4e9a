import { Anchor, Button, Center, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure, useHotkeys, useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconArrowUp } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Contribution, CreateContributionBody } from '../../../contract/contributions.js';
import type { ContributionState } from '../../../domain/model.js';
import { ApiError, isApiError } from '../../api/client.js';
import { useMe, useMyRole } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { InquiryNav } from '../../components/InquiryNav.js';
import { PageError } from '../../components/PageState.js';
import { KINDS, STATE_STYLES } from '../../kinds.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';
import { useLiveInquiry } from '../../live/useLiveInquiry.js';
import { BoardCheckIn } from '../CheckIn/BoardCheckIn.js';
import classes from './Board.module.css';
import { BoardHeader } from './BoardHeader.js';
import { BoardToolbar, type BoardView } from './BoardToolbar.js';
import { authorsOf, type Filters, matches, NO_FILTERS, repliesIndex } from './boardModel.js';
import { Composer, type ComposerTarget, type Draft, draftFor, EMPTY_DRAFT } from './Composer.js';
import { ConclusionStage } from './ConclusionStage.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import type { CardActions } from './ContributionCard.js';
import { EditFramingDialog } from './EditFramingDialog.js';
import { EmptyBoard } from './EmptyBoard.js';
import { HelpPanel } from './HelpPanel.js';
import { KindColumns, KindTabs } from './KindColumns.js';
import { useNoteFocus } from './noteFocus.js';
import { ParticipationSlot } from './ParticipationSlot.js';
import { SynthesisSlot } from './SynthesisSlot.js';
import { ThreadsView } from './ThreadsView.js';
import { useBoardMutations, useBoardQueries } from './useBoardData.js';
import { useHeldBack } from './useHeldBack.js';

const COMPOSER_FIELDS = ['kind', 'body', 'confidence', 'anonymous', 'links'] as const;

interface ComposerState {
  opened: boolean;
  target: ComposerTarget;
  initial: Draft;
  key: number;
}

export function BoardPage() {
  const { inquiryId = '' } = useParams();
  const me = useMe();
  const liveUp = useRef(false);
  const { detail, board } = useBoardQueries(inquiryId, liveUp);
  const live = useLiveInquiry(inquiryId, detail.data?.inquiry.lastSeq, liveUp);
  const inquiry = detail.data?.inquiry;
  const role = useMyRole(inquiry?.workspaceId);
  const myId = me.data?.user.id;
  const canModerate = role === 'owner' || (!!inquiry && inquiry.facilitatorId === myId);
  const { post, update, remove, newTempId } = useBoardMutations(inquiryId, me.data?.user);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [view, setView] = useLocalStorage<BoardView>({ key: 'colearn:boardView', defaultValue: 'kinds' });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [framingOpen, framing] = useDisclosure(false);
  const [deleting, setDeleting] = useState<Contribution | null>(null);
  const [stuckOn, setStuckOn] = useState<Contribution | null>(null);
  const [composer, setComposer] = useState<ComposerState>({
    opened: false,
    target: { mode: 'new' },
    initial: EMPTY_DRAFT,
    key: 0,
  });
  const composerErrors = useFormErrors(COMPOSER_FIELDS);
  const { visible, newCount, showNew } = useHeldBack(board.data?.items);

  useEffect(() => {
    if (inquiry) document.title = `${inquiry.title} · Colearn`;
  }, [inquiry]);

  const openComposer = (target: ComposerTarget, initial?: Draft) => {
    composerErrors.reset();
    setComposer((s) => ({ opened: true, target, initial: initial ?? draftFor(target), key: s.key + 1 }));
  };
  const closeComposer = () => {
    live.typing(null, false);
    setComposer((s) => ({ ...s, opened: false }));
  };

  useHotkeys([['n', () => !composer.opened && !framingOpen && openComposer({ mode: 'new' })]]);

  const submit = (draft: Draft) => {
    const target = composer.target;
    if (!draft.body.trim()) {
      composerErrors.fromError(
        new ApiError(400, 'invalid_input', 'Write something first.', [
          { path: 'body.body', message: 'Write something first.' },
        ]),
      );
      return;
    }
    if (target.mode === 'edit') {
      update.mutate(
        { id: target.contribution.id, body: { body: draft.body, confidence: draft.confidence } },
        {
          onSuccess: () => {
            closeComposer();
            notifySuccess('Your note is updated.');
          },
          onError: (e) => composerErrors.fromError(e),
        },
      );
      return;
    }
    const body: CreateContributionBody = {
      kind: draft.kind,
      body: draft.body,
      confidence: draft.confidence,
      anonymous: !!inquiry?.allowAnonymous && draft.anonymous,
      links: target.mode === 'reply' ? [{ toId: target.target.id, kind: draft.linkKind }] : [],
    };
    // Optimistic: the card is on the board at once; on failure the draft comes back with the errors.
    closeComposer();
    post.mutate(
      { body, tempId: newTempId() },
      {
        onSuccess: () =>
          notifySuccess(`${KINDS[draft.kind].label} posted${body.anonymous ? ' anonymously' : ''}.`),
        onError: (e) => {
          notifyError(e, 'Your note was not posted');
          setComposer((s) => ({ opened: true, target, initial: draft, key: s.key + 1 }));
          composerErrors.fromError(e);
        },
      },
    );
  };

  const actions: CardActions = {
    canModerate,
    onReply: (c) => openComposer({ mode: 'reply', target: c }),
    onEdit: (c) => openComposer({ mode: 'edit', contribution: c }),
    onDelete: (c) => setDeleting(c),
    onStuck: detail.data?.inquiry.phase === 'concluded' ? undefined : (c) => setStuckOn(c),
    onState: (c: Contribution, state: ContributionState) =>
      update.mutate(
        { id: c.id, body: { state } },
        {
          onSuccess: () => notifySuccess(`Marked as ${STATE_STYLES[state].label.toLowerCase()}.`),
          onError: (e) => notifyError(e, 'Could not change the state'),
        },
      ),
  };

  const confirmDelete = () => {
    if (!deleting) return;
    const id = deleting.id;
    setDeleting(null);
    remove.mutate(id, {
      onSuccess: () => notifySuccess('Note deleted.'),
      onError: (e) => notifyError(e, 'Could not delete the note'),
    });
  };

  const links = board.data?.links ?? [];
  const filtered = useMemo(() => visible.filter((c) => matches(c, filters)), [visible, filters]);
  const replies = useMemo(() => repliesIndex(visible, links), [visible, links]);
  const threadReplies = useMemo(() => repliesIndex(filtered, links), [filtered, links]);
  const people = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of detail.data?.participants ?? []) map.set(p.user.id, p.user.name);
    for (const a of authorsOf(visible)) map.set(a.id, a.name);
    return [...map].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [detail.data, visible]);
  useNoteFocus({
    items: board.data?.items,
    ready: board.isSuccess,
    isShown: (id) => view !== 'synthesis' && filtered.some((c) => c.id === id),
    show: () => {
      setFilters(NO_FILTERS);
      if (view === 'synthesis') setView('kinds');
      showNew();
    },
  });

  // A board already on screen stays when the server is briefly out of reach (the connection banner says
  // so); an answer that it is gone or no longer mine (4xx) replaces it.
  const gone = isApiError(detail.error) && detail.error.status >= 400 && detail.error.status < 500;
  if (detail.isError && (!detail.data || gone)) {
    return (
      <AppLayout>
        <PageError error={detail.error} onRetry={() => detail.refetch()} />
      </AppLayout>
    );
  }

  const crumbs = inquiry && (
    <Anchor component={Link} to={`/w/${inquiry.workspaceId}`} size="sm" c="dimmed" visibleFrom="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        All inquiries
      </Group>
    </Anchor>
  );

  const total = board.data?.items.length ?? 0;

  return (
    <AppLayout workspaceId={inquiry?.workspaceId} crumbs={crumbs} wide>
      <Stack gap="lg">
        {detail.data ? (
          <BoardHeader
            detail={detail.data}
            canModerate={canModerate}
            onEdit={framing.open}
            present={live.present}
            myId={myId}
          />
        ) : (
          <Stack gap="sm">
            <Skeleton h={32} w="60%" />
            <Skeleton h={20} w="80%" />
            <Skeleton h={8} mt="md" />
          </Stack>
        )}

        {detail.data && <ConclusionStage detail={detail.data} myId={myId} notes={board.data?.items} />}

        {detail.data && <BoardCheckIn detail={detail.data} myId={myId} />}
        {detail.data && <ParticipationSlot detail={detail.data} myId={myId} canModerate={canModerate} />}
        {detail.data && (
          <HelpPanel
            detail={detail.data}
            myId={myId}
            notes={board.data?.items}
            stuckOn={stuckOn}
            onStuckDone={() => setStuckOn(null)}
          />
        )}
        <InquiryNav inquiryId={inquiryId} current="board" />

        <BoardToolbar
          view={view}
          onView={setView}
          filters={filters}
          onFilters={setFilters}
          people={people}
          allowAnonymous={!!inquiry?.allowAnonymous}
          onCompose={() => openComposer({ mode: 'new' })}
          shown={filtered.length}
          total={visible.length}
        />

        {view === 'synthesis' ? (
          <SynthesisSlot
            inquiryId={inquiryId}
            me={me.data?.user}
            concluded={inquiry?.phase === 'concluded'}
          />
        ) : (
          <section aria-label="Notes">
            {board.isPending ? (
              <Group grow align="flex-start">
                <Skeleton h={160} />
                <Skeleton h={160} visibleFrom="sm" />
                <Skeleton h={160} visibleFrom="md" />
              </Group>
            ) : board.isError ? (
              <PageError error={board.error} onRetry={() => board.refetch()} />
            ) : total === 0 ? (
              <EmptyBoard onCompose={() => openComposer({ mode: 'new' })} />
            ) : filtered.length === 0 ? (
              <Center py="xl">
                <Stack align="center" gap="xs">
                  <Text c="dimmed">No notes match these filters.</Text>
                  <Button variant="light" size="xs" onClick={() => setFilters(NO_FILTERS)}>
                    Clear filters
                  </Button>
                </Stack>
              </Center>
            ) : view === 'threads' ? (
              <ThreadsView items={filtered} links={links} replies={threadReplies} actions={actions} />
            ) : wide ? (
              <KindColumns items={filtered} replies={replies} actions={actions} />
            ) : (
              <KindTabs items={filtered} replies={replies} actions={actions} />
            )}
          </section>
        )}
      </Stack>
      <ConnectionBanner status={live.status} />

      {newCount > 0 && (
        <Button
          className={classes.pill}
          radius="xl"
          size="sm"
          leftSection={<IconArrowUp size={16} />}
          onClick={showNew}
        >
          {newCount} new {newCount === 1 ? 'note' : 'notes'}
        </Button>
      )}
      <div className="sr-only" aria-live="polite">
        {newCount > 0 ? `${newCount} new ${newCount === 1 ? 'note' : 'notes'} above.` : ''}
      </div>

      <Composer
        key={composer.key}
        opened={composer.opened}
        target={composer.target}
        initial={composer.initial}
        errors={composerErrors.errors}
        formError={composerErrors.formError}
        allowAnonymous={!!inquiry?.allowAnonymous}
        busy={update.isPending && composer.target.mode === 'edit'}
        onClose={closeComposer}
        onSubmit={submit}
        onDraftChange={(d) => live.typing(d.body.trim() ? d.kind : null, d.anonymous)}
      />
      {detail.data && <EditFramingDialog detail={detail.data} opened={framingOpen} onClose={framing.close} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this note?"
        message={
          deleting && !deleting.isMine
            ? 'You are deleting someone else’s note as the facilitator. Replies to it stay on the board.'
            : 'It disappears for everyone. Replies to it stay on the board.'
        }
        confirmLabel="Delete"
        danger
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </AppLayout>
  );
}
