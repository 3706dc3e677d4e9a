import { CloseButton, Kbd, Loader, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';

// The library's words box: what is typed is searched a moment after the last key (Enter searches at
// once), and `/` anywhere on the page comes back to it.

const TYPING_MS = 250;

/** The words box: typing applies after a pause, Enter at once; `/` anywhere on the page focuses it. */
export function SearchBox({
  q,
  onQ,
  autoFocus,
  slashFocus,
  busy,
}: {
  q: string;
  onQ: (q: string, replace: boolean) => void;
  autoFocus?: boolean;
  slashFocus?: boolean;
  busy: boolean;
}) {
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text, TYPING_MS);
  const sent = useRef(q);
  const input = useRef<HTMLInputElement>(null);
  const onQRef = useRef(onQ);
  onQRef.current = onQ;

  useEffect(() => {
    if (debounced === sent.current) return;
    sent.current = debounced;
    onQRef.current(debounced, true);
  }, [debounced]);
  // The words changed elsewhere (back button, a shared link): show them.
  useEffect(() => {
    if (q !== sent.current) {
      sent.current = q;
      setText(q);
    }
  }, [q]);
  useHotkeys(slashFocus ? [['/', () => input.current?.focus()]] : []);

  const apply = () => {
    if (text === sent.current) return;
    sent.current = text;
    onQ(text, false);
  };

  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <TextInput
        ref={input}
        size="md"
        label="Search the library"
        description={
          slashFocus ? (
            <>
              Every word must match; put an exact phrase in "quotes". Press <Kbd size="xs">/</Kbd> to come
              back here.
            </>
          ) : (
            'Every word must match; put an exact phrase in "quotes".'
          )
        }
        placeholder="supplier delay, “print slot”…"
        type="search"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autoFocus={autoFocus}
        maxLength={200}
        leftSection={busy ? <Loader size={16} /> : <IconSearch size={18} aria-hidden />}
        rightSection={
          text ? (
            <CloseButton
              aria-label="Clear the search words"
              onClick={() => {
                setText('');
                sent.current = '';
                onQ('', false);
                input.current?.focus();
              }}
            />
          ) : null
        }
      />
    </form>
  );
}
