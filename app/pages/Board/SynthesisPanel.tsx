import { HocuspocusProvider } from '@hocuspocus/provider';
import { Alert, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLayoutList, IconLock } from '@tabler/icons-react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, Extension, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { useOnline } from './ConnectionBanner.js';
import classes from './Synthesis.module.css';
import type { SynthesisSlotProps } from './SynthesisSlot.js';
import { SynthesisToolbar } from './SynthesisToolbar.js';
import {
  type CaretUser,
  type ConnectionStatus,
  caretColor,
  editorsOf,
  MAX_PASTE_CHARS,
  SYNTHESIS_FIELD,
  safeHref,
  statusLine,
  synthesisDocumentName,
} from './synthesis.js';

// The inquiry's synthesis: one rich-text document per inquiry, co-edited live through Hocuspocus at
// /api/collab (the session cookie authenticates; the server makes it read-only once the inquiry is
// concluded). Loaded lazily by SynthesisSlot.

interface Session {
  doc: Y.Doc;
  provider: HocuspocusProvider;
}

interface Connection {
  status: ConnectionStatus;
  synced: boolean;
  everSynced: boolean;
  unsynced: number;
  readOnlyScope: boolean;
  denied: boolean;
}

const INITIAL: Connection = {
  status: 'connecting',
  synced: false,
  everSynced: false,
  unsynced: 0,
  readOnlyScope: false,
  denied: false,
};

function collabUrl(): string {
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${window.location.host}/api/collab`;
}

export default function SynthesisPanel({ inquiryId, me, concluded }: SynthesisSlotProps) {
  const [session, setSession] = useState<Session | null>(null);
  const [conn, setConn] = useState<Connection>(INITIAL);
  const [editors, setEditors] = useState<CaretUser[]>([]);
  const online = useOnline();
  const myId = me?.id;
  const myIdRef = useRef(myId);
  myIdRef.current = myId;
  const titleId = useId();

  // One connection per inquiry; a new one when the inquiry is concluded, so the server's read-only rule
  // applies to it too.
  useEffect(() => {
    const doc = new Y.Doc();
    const patch = (p: Partial<Connection>) => setConn((c) => ({ ...c, ...p }));
    setConn(INITIAL);
    const provider = new HocuspocusProvider({
      url: collabUrl(),
      name: synthesisDocumentName(inquiryId),
      document: doc,
      // The server reads the session cookie; the protocol still wants a token that is not empty.
      token: 'session-cookie',
      onStatus: ({ status }) =>
        patch(status === 'connected' ? { status } : { status: status as ConnectionStatus, synced: false }),
      onSynced: ({ state }) => state && patch({ synced: true, everSynced: true }),
      onUnsyncedChanges: ({ number }) => patch({ unsynced: number }),
      onAuthenticated: ({ scope }) => patch({ readOnlyScope: scope === 'readonly', denied: false }),
      onAuthenticationFailed: () => patch({ denied: true }),
      // Cursors move on every keystroke; the list of people only changes when someone comes or goes.
      onAwarenessChange: ({ states }) => {
        const next = editorsOf(states, myIdRef.current);
        setEditors((prev) => (sameEditors(prev, next) ? prev : next));
      },
    });
    setSession({ doc, provider });
    return () => {
      provider.destroy();
      doc.destroy();
      setSession(null);
      setEditors([]);
    };
  }, [inquiryId, concluded]);

  // Back on the network: try at once instead of at the end of the provider's backoff.
  useEffect(() => {
    if (!online || !session || conn.status === 'connected') return;
    void session.provider.configuration.websocketProvider.connect();
  }, [online, session, conn.status]);

  const user = useMemo(
    () => (me ? { id: me.id, name: me.name, color: caretColor(me.id) } : null),
    [me?.id, me?.name, me],
  );
  const readOnly = concluded || conn.readOnlyScope || conn.denied;
  // Every keystroke is unconfirmed for a few milliseconds: "Saving…" only shows when it lasts.
  const [slowSave] = useDebouncedValue(conn.unsynced > 0, 700);
  // Off the connection, who else is here is not known any more.
  const connected = online && conn.status === 'connected';
  const shown = connected ? editors : editors.filter((e) => e.id === myId);
  const line = statusLine({
    ...conn,
    unsynced: slowSave ? conn.unsynced : 0,
    online,
    readOnly,
    editors: shown.length,
  });
  const others = shown.filter((e) => e.id !== myId);

  return (
    <section aria-labelledby={titleId} className={classes.panel}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Group justify="space-between" align="center" gap="xs" wrap="wrap">
              <Title order={2} size="h4" id={titleId}>
                Synthesis
              </Title>
              <Group gap="xs" wrap="nowrap">
                <span className={classes.statusDot} data-tone={line.tone} aria-hidden />
                <Text size="sm" c="dimmed" data-testid="synthesis-status">
                  {line.text}
                </Text>
              </Group>
            </Group>
            {readOnly && !conn.denied && (
              <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />} p="sm">
                <Text size="sm">
                  This inquiry is concluded, so its synthesis is read-only: it stays as the group left it.
                </Text>
              </Alert>
            )}
            {conn.denied && (
              <Alert variant="light" color="red" p="sm" role="alert">
                <Text size="sm">
                  You cannot open this synthesis: you are no longer a member of this inquiry.
                </Text>
              </Alert>
            )}
            {session && user ? (
              <SynthesisEditor
                key={`${inquiryId}:${String(concluded)}`}
                session={session}
                user={user}
                editable={!readOnly}
                ready={conn.everSynced}
                titleId={titleId}
              />
            ) : (
              <Skeleton h={320} radius="md" />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" className={classes.aside}>
            <Guide />
            <div>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6} id={`${titleId}-who`}>
                Editing now
              </Text>
              <ul className={classes.people} aria-labelledby={`${titleId}-who`}>
                {shown.length === 0 && (
                  <li>
                    <Text size="sm" c="dimmed">
                      Nobody yet
                    </Text>
                  </li>
                )}
                {shown.map((e) => (
                  <li key={e.id}>
                    <span className={classes.swatch} style={{ background: e.color }} aria-hidden />
                    <Text size="sm" span>
                      {e.name}
                      {e.id === myId ? ' (you)' : ''}
                    </Text>
                  </li>
                ))}
              </ul>
              {others.length === 0 && shown.length > 0 && connected && (
                <Text size="xs" c="dimmed" mt={4}>
                  Others see your edits and your cursor as you type.
                </Text>
              )}
            </div>
          </Stack>
        </Grid.Col>
      </Grid>
    </section>
  );
}

function Guide() {
  return (
    <Paper withBorder radius="md" p="md" className={classes.guide}>
      <Text size="sm" fw={600} mb={4}>
        What a synthesis is
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        A rise-above of the board, written together: not a list of the notes, but what they add up to.
      </Text>
      <ul className={classes.guideList}>
        <li>
          <Text size="sm" span>
            <strong>What we now believe</strong>, in a few sentences.
          </Text>
        </li>
        <li>
          <Text size="sm" span>
            <strong>On which evidence</strong>: name the notes it rests on.
          </Text>
        </li>
        <li>
          <Text size="sm" span>
            <strong>What is still open</strong>: the questions we could not settle.
          </Text>
        </li>
      </ul>
    </Paper>
  );
}

const OUTLINE = [
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What we now believe' }] },
  { type: 'paragraph' },
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'On which evidence' }] },
  { type: 'paragraph' },
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What is still open' }] },
  { type: 'paragraph' },
];

function sameEditors(a: CaretUser[], b: CaretUser[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.id === b[i]?.id && x.name === b[i]?.name && x.color === b[i]?.color)
  );
}

/** Memoised: the panel re-renders on every save status change, the editor must not. */
const SynthesisEditor = memo(function SynthesisEditor({
  session,
  user,
  editable,
  ready,
  titleId,
}: {
  session: Session;
  user: CaretUser;
  editable: boolean;
  ready: boolean;
  titleId: string;
}) {
  const openLink = useRef<() => void>(() => {});
  const editor = useEditor(
    {
      editable,
      extensions: [
        StarterKit.configure({
          // Undo and redo come from Collaboration: each person undoes their own edits only.
          undoRedo: false,
          heading: { levels: [2, 3] },
          code: false,
          codeBlock: false,
          link: {
            openOnClick: false,
            autolink: true,
            linkOnPaste: true,
            defaultProtocol: 'https',
            protocols: ['http', 'https', 'mailto'],
            isAllowedUri: (url) => safeHref(url) !== null,
            HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
          },
        }),
        Collaboration.configure({ document: session.doc, field: SYNTHESIS_FIELD }),
        CollaborationCaret.configure({ provider: session.provider, user }),
        Placeholder.configure({
          placeholder: 'What do we now believe, on which evidence, and what is still open?',
        }),
        Extension.create({
          name: 'linkShortcut',
          addKeyboardShortcuts: () => ({
            'Mod-k': () => {
              openLink.current();
              return true;
            },
          }),
        }),
      ],
      editorProps: {
        handlePaste: (_view, event) => {
          const text = event.clipboardData?.getData('text/plain') ?? '';
          if (text.length <= MAX_PASTE_CHARS) return false;
          notifications.show({
            color: 'orange',
            title: 'Too long to paste at once',
            message: `That is ${text.length.toLocaleString()} characters; paste at most ${MAX_PASTE_CHARS.toLocaleString()} at a time, or link to the document instead.`,
            autoClose: 8000,
          });
          return true;
        },
        attributes: {
          class: classes.prose ?? '',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': titleId,
          'aria-describedby': `${titleId}-hint`,
        },
      },
    },
    [session],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  const empty = useEditorState({ editor, selector: ({ editor: e }) => e?.isEmpty ?? true });

  return (
    <Stack gap={0} className={classes.frame} data-editable={editable || undefined}>
      {editable && editor && <SynthesisToolbar editor={editor} openLinkRef={openLink} />}
      <div className={classes.surface}>
        <EditorContent editor={editor} />
        {!ready && <div className={classes.loading} aria-hidden />}
      </div>
      <Group justify="space-between" gap="xs" className={classes.footer} wrap="wrap">
        <Text size="xs" c="dimmed" id={`${titleId}-hint`}>
          {editable ? 'Saved as you type. Ctrl/⌘ + B, I, K for bold, italic and a link.' : 'Read-only.'}
        </Text>
        {editable && ready && empty && editor && (
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconLayoutList size={14} aria-hidden />}
            onClick={() => {
              editor.chain().focus().insertContent(OUTLINE).run();
              // The caret goes to the first empty paragraph, under "What we now believe".
              let target: number | null = null;
              editor.state.doc.descendants((node, pos) => {
                if (target === null && node.type.name === 'paragraph' && node.content.size === 0)
                  target = pos + 1;
                return target === null;
              });
              if (target !== null) editor.chain().focus().setTextSelection(target).run();
            }}
          >
            Start from an outline
          </Button>
        )}
      </Group>
    </Stack>
  );
});
