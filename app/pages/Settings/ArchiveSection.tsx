import { Button, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { archiveUrl } from '../../api/archive.js';

/** Owners: the whole workspace as one file, to keep or to bring to another Colearn instance. */
export function ArchiveSection({ workspaceId }: { workspaceId: string }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="archive" align="flex-start">
      <Title order={2} size="h4" id="archive">
        Backup
      </Title>
      <Text size="sm" c="dimmed">
        Every inquiry, note, conclusion, reflection and synthesis in one file, including notes still hidden by
        think-first. Anonymous notes stay anonymous; passwords, pulse answers and private rankings are not in
        it. Import it from “Create a workspace” on another Colearn instance.
      </Text>
      <Button
        component="a"
        href={archiveUrl(workspaceId)}
        download
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        Download workspace archive
      </Button>
    </Stack>
  );
}
