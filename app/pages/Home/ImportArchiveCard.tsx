import { Alert, Button, Card, FileInput, Stack, Text, Title } from '@mantine/core';
import { IconFileZip } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ARCHIVE_MAX_BYTES } from '../../../contract/archive.js';
import { importArchive } from '../../api/archive.js';
import { errorMessage } from '../../api/client.js';
import { keys } from '../../api/queries.js';
import { notifySuccess } from '../../lib/notify.js';

/** Brings a workspace from another Colearn instance (its owner's archive); you become one of its owners. */
export function ImportArchiveCard() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const navigate = useNavigate();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!file) {
      setError('Choose the archive file first.');
      return;
    }
    if (file.size > ARCHIVE_MAX_BYTES) {
      setError(
        `That file is larger than ${ARCHIVE_MAX_BYTES / 1024 / 1024} MiB; ask an administrator to import it.`,
      );
      return;
    }
    setBusy(true);
    try {
      const { workspace } = await importArchive(file);
      await qc.invalidateQueries({ queryKey: keys.me });
      notifySuccess(`${workspace.name} is here, with its inquiries and notes.`, 'Workspace imported');
      navigate(`/w/${workspace.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Card p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h4">
              Import a workspace archive
            </Title>
            <Text size="sm" c="dimmed">
              An archive an owner downloaded from workspace settings, here or on another Colearn. You become
              an owner of the imported workspace; its people can sign in once an owner invites them again.
            </Text>
          </Stack>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <FileInput
            label="Archive file"
            description="The .tar.gz file from workspace settings."
            accept=".gz,.tgz,application/gzip"
            leftSection={<IconFileZip size={16} aria-hidden />}
            value={file}
            onChange={(f) => {
              setFile(f);
              setError(null);
            }}
            clearable
          />
          <Button type="submit" variant="default" loading={busy}>
            Import workspace
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
