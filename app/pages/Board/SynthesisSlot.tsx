import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { Component, lazy, type ReactNode, Suspense } from 'react';

// The synthesis editor (TipTap, ProseMirror, Yjs, Hocuspocus) is a chunk of its own, loaded the first time
// someone opens the Synthesis view, so the board's first load stays small.
const SynthesisPanel = lazy(() => import('./SynthesisPanel.js'));

export interface SynthesisSlotProps {
  inquiryId: string;
  me: { id: string; name: string } | undefined;
  concluded: boolean;
}

export function SynthesisSlot(props: SynthesisSlotProps) {
  return (
    <ChunkBoundary>
      <Suspense
        fallback={
          <Center py="xl" role="status" aria-live="polite">
            <Stack align="center" gap="xs">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                Opening the synthesis…
              </Text>
            </Stack>
          </Center>
        }
      >
        <SynthesisPanel {...props} />
      </Suspense>
    </ChunkBoundary>
  );
}

/** If the editor's code cannot be fetched (offline on first open), say so here; the board stays. */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Center py="xl">
        <Stack align="center" gap="xs" role="alert">
          <Text size="sm">The synthesis editor could not load.</Text>
          <Button size="xs" variant="light" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </Stack>
      </Center>
    );
  }
}
