import { Box, type BoxProps } from '@mantine/core';
import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown.js';

/** Untrusted Markdown, rendered and sanitised (see lib/markdown.ts). */
export function Markdown({ source, ...props }: { source: string } & BoxProps) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <Box className="md" {...props} dangerouslySetInnerHTML={{ __html: html }} />;
}
