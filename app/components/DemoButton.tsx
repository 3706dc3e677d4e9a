import { Button, type ButtonProps } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useOpenDemo } from '../api/queries.js';
import { notifyError, notifySuccess } from '../lib/notify.js';

/** "Open the demo workspace": a private copy of a living example, for a first look around. */
export function DemoButton(props: ButtonProps) {
  const navigate = useNavigate();
  const demo = useOpenDemo((id) => {
    notifySuccess('A private copy, just for you: change anything.', 'Demo workspace ready');
    navigate(`/w/${id}`);
  });
  return (
    <Button
      variant="default"
      leftSection={<IconCompass size={16} />}
      loading={demo.isPending}
      onClick={() => demo.mutate(undefined, { onError: (e) => notifyError(e, 'Could not open the demo') })}
      {...props}
    >
      Open the demo workspace
    </Button>
  );
}
