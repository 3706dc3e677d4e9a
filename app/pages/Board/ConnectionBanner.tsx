import { Group, Text } from '@mantine/core';
import { IconCloudOff, IconLock, IconWifi } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { StreamStatus } from '../../live/stream.js';
import classes from './ConnectionBanner.module.css';

/** A stream down this long is worth telling about; a quick reconnect (a server restart) is not. */
const GRACE_MS = 2_000;
const BACK_MS = 3_000;

type Shown = 'none' | 'offline' | 'reconnecting' | 'back' | 'forbidden';

/** Whether the browser believes it is online, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/**
 * A calm note at the bottom of the screen (never above the board, so nothing moves) while live updates
 * are not arriving, and "Back online" for a moment when they are again.
 */
export function ConnectionBanner({ status }: { status: StreamStatus }) {
  const online = useOnline();
  const [shown, setShown] = useState<Shown>('none');
  const down = !online || status === 'down';

  useEffect(() => {
    if (status === 'forbidden') {
      setShown('forbidden');
      return;
    }
    if (!online) {
      setShown('offline');
      return;
    }
    if (down) {
      // Back on the network but not yet on the stream: say so at once; otherwise after a grace period.
      setShown((s) => (s === 'offline' ? 'reconnecting' : s));
      const t = setTimeout(() => setShown('reconnecting'), GRACE_MS);
      return () => clearTimeout(t);
    }
    if (status === 'live') {
      setShown((s) => (s === 'offline' || s === 'reconnecting' || s === 'back' ? 'back' : 'none'));
    }
  }, [down, online, status]);

  useEffect(() => {
    if (shown !== 'back') return;
    const t = setTimeout(() => setShown('none'), BACK_MS);
    return () => clearTimeout(t);
  }, [shown]);

  return (
    <div className={classes.region} role="status" aria-live="polite">
      {shown !== 'none' && (
        <Group
          gap="xs"
          wrap="nowrap"
          className={classes.banner}
          data-tone={shown === 'back' ? 'ok' : shown === 'forbidden' ? 'error' : 'calm'}
        >
          {shown === 'back' ? (
            <IconWifi size={18} aria-hidden />
          ) : shown === 'forbidden' ? (
            <IconLock size={18} aria-hidden />
          ) : (
            <IconCloudOff size={18} aria-hidden />
          )}
          <Text size="sm">
            {shown === 'offline' && (
              <>
                <strong>You’re offline.</strong> Changes will appear when you’re back.
              </>
            )}
            {shown === 'reconnecting' && (
              <>
                <strong>Reconnecting…</strong> Changes will appear when the connection is back.
              </>
            )}
            {shown === 'back' && <strong>Back online.</strong>}
            {shown === 'forbidden' && (
              <>
                <strong>You no longer have access to this inquiry.</strong> Live updates have stopped.
              </>
            )}
          </Text>
        </Group>
      )}
    </div>
  );
}
