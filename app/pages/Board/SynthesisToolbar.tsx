import { ActionIcon, Button, Group, Popover, Stack, TextInput, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconList,
  IconListNumbers,
} from '@tabler/icons-react';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import {
  type FormEvent,
  type KeyboardEvent,
  type MutableRefObject,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from 'react';
import classes from './Synthesis.module.css';
import { safeHref } from './synthesis.js';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

interface Tool {
  id: string;
  label: string;
  keys?: string;
  icon: ReactNode;
  active?: boolean;
  disabled?: boolean;
  run: () => void;
  /** A toggle (bold, a list) says whether it is on; an action (undo) does not. */
  toggle: boolean;
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between its buttons (the ARIA toolbar pattern),
 * every button named, toggles say whether they are on.
 */
export function SynthesisToolbar({
  editor,
  openLinkRef,
}: {
  editor: Editor;
  openLinkRef: MutableRefObject<() => void>;
}) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [focusAt, setFocusAt] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    openLinkRef.current = () => setLinkOpen(true);
  }, [openLinkRef]);

  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    {
      id: 'bold',
      label: 'Bold',
      keys: `${MOD}+B`,
      icon: <IconBold size={16} />,
      active: s.bold,
      run: () => chain().toggleBold().run(),
      toggle: true,
    },
    {
      id: 'italic',
      label: 'Italic',
      keys: `${MOD}+I`,
      icon: <IconItalic size={16} />,
      active: s.italic,
      run: () => chain().toggleItalic().run(),
      toggle: true,
    },
    {
      id: 'h2',
      label: 'Heading',
      icon: <IconH2 size={16} />,
      active: s.h2,
      run: () => chain().toggleHeading({ level: 2 }).run(),
      toggle: true,
    },
    {
      id: 'h3',
      label: 'Subheading',
      icon: <IconH3 size={16} />,
      active: s.h3,
      run: () => chain().toggleHeading({ level: 3 }).run(),
      toggle: true,
    },
    {
      id: 'bullet',
      label: 'Bulleted list',
      icon: <IconList size={16} />,
      active: s.bullet,
      run: () => chain().toggleBulletList().run(),
      toggle: true,
    },
    {
      id: 'ordered',
      label: 'Numbered list',
      icon: <IconListNumbers size={16} />,
      active: s.ordered,
      run: () => chain().toggleOrderedList().run(),
      toggle: true,
    },
    {
      id: 'link',
      label: s.link ? 'Edit link' : 'Link',
      keys: `${MOD}+K`,
      icon: <IconLink size={16} />,
      active: s.link,
      run: () => setLinkOpen((o) => !o),
      toggle: true,
    },
    {
      id: 'undo',
      label: 'Undo',
      keys: `${MOD}+Z`,
      icon: <IconArrowBackUp size={16} />,
      disabled: !s.canUndo,
      run: () => chain().undo().run(),
      toggle: false,
    },
    {
      id: 'redo',
      label: 'Redo',
      keys: `${MOD}+Shift+Z`,
      icon: <IconArrowForwardUp size={16} />,
      disabled: !s.canRedo,
      run: () => chain().redo().run(),
      toggle: false,
    },
  ];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const order = { ArrowRight: 1, ArrowLeft: -1 } as const;
    let next: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      next = (focusAt + order[e.key] + tools.length) % tools.length;
    } else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tools.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    setFocusAt(next);
    buttons.current[next]?.focus();
  };

  return (
    <Group
      gap={2}
      className={classes.toolbar}
      role="toolbar"
      aria-label="Formatting"
      onKeyDown={onKeyDown}
      wrap="wrap"
    >
      {tools.map((t, i) => {
        const button = (
          <ActionIcon
            ref={(el: HTMLButtonElement | null) => {
              buttons.current[i] = el;
            }}
            variant={t.active ? 'light' : 'subtle'}
            color={t.active ? 'accent' : 'gray'}
            size="lg"
            aria-label={t.label}
            aria-pressed={t.toggle ? !!t.active : undefined}
            aria-keyshortcuts={t.keys?.replace('⌘', 'Meta').replace('Ctrl', 'Control')}
            // Disabled buttons stay focusable so arrow keys never skip over a dead spot.
            data-disabled={t.disabled || undefined}
            aria-disabled={t.disabled || undefined}
            tabIndex={i === focusAt ? 0 : -1}
            onFocus={() => setFocusAt(i)}
            // Keep the editor's selection while clicking a button.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => !t.disabled && t.run()}
          >
            <span aria-hidden className={classes.toolIcon}>
              {t.icon}
            </span>
          </ActionIcon>
        );
        const tip = (
          <Tooltip label={t.keys ? `${t.label} (${t.keys})` : t.label} openDelay={400} withinPortal>
            {button}
          </Tooltip>
        );
        if (t.id !== 'link')
          return (
            <span key={t.id} className={t.id === 'h2' || t.id === 'undo' ? classes.groupStart : undefined}>
              {tip}
            </span>
          );
        return (
          <Popover
            key={t.id}
            opened={linkOpen}
            onChange={setLinkOpen}
            position="bottom-start"
            width={320}
            trapFocus
            returnFocus
            shadow="md"
          >
            {/* The target's roles (aria-haspopup, aria-expanded) reach the button through the tooltip. */}
            <Popover.Target>{tip}</Popover.Target>
            <Popover.Dropdown aria-label="Link">
              <LinkForm
                editor={editor}
                onDone={() => {
                  setLinkOpen(false);
                  editor.commands.focus();
                }}
              />
            </Popover.Dropdown>
          </Popover>
        );
      })}
    </Group>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const current = editor.getAttributes('link').href;
  const [value, setValue] = useState(typeof current === 'string' ? current : '');
  const [error, setError] = useState<string | null>(null);
  const isLink = editor.isActive('link');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const href = safeHref(value);
    if (!href) {
      setError('Use a web address (https://…) or an e-mail address.');
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !isLink) {
      // Nothing selected: the address itself becomes the linked text.
      editor
        .chain()
        .focus()
        .insertContent({
          type: 'text',
          text: href.replace(/^mailto:/, ''),
          marks: [{ type: 'link', attrs: { href } }],
        })
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    onDone();
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <TextInput
          label="Link address"
          placeholder="https://…"
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          size="sm"
        />
        <Group gap="xs" justify="flex-end">
          {isLink && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => {
                editor.chain().focus().extendMarkRange('link').unsetLink().run();
                onDone();
              }}
            >
              Remove link
            </Button>
          )}
          <Button type="submit" size="xs">
            {isLink ? 'Update link' : 'Add link'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
