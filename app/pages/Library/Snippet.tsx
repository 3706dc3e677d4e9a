import { Text, type TextProps } from '@mantine/core';
import type { SnippetPart } from '../../../contract/library.js';
import classes from './Library.module.css';

/** A search snippet: the words that matched in <mark>, everything as text (never parsed as HTML). */
export function Snippet({ parts, ...props }: { parts: readonly SnippetPart[] } & TextProps) {
  return (
    <Text size="sm" className={classes.snippet} {...props}>
      {parts.map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </Text>
  );
}
