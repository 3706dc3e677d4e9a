import { Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MeResponse } from '../../contract/accounts.js';
import { ROLE_LABELS } from '../kinds.js';

export function WorkspaceSwitcher({ me, currentId }: { me: MeResponse; currentId?: string }) {
  const current = me.workspaces.find((w) => w.id === currentId);
  return (
    <Menu position="bottom-start" width={260} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          rightSection={<IconSelector size={16} />}
          aria-label={current ? `Workspace: ${current.name}. Switch workspace` : 'Choose a workspace'}
          styles={{ label: { maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis' } }}
          px="sm"
        >
          <Text span fw={600} size="sm" truncate>
            {current?.name ?? 'Workspaces'}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your workspaces</Menu.Label>
        {me.workspaces.map((w) => (
          <Menu.Item
            key={w.id}
            component={Link}
            to={`/w/${w.id}`}
            rightSection={w.id === currentId ? <IconCheck size={16} aria-label="current" /> : null}
          >
            <Text size="sm" truncate>
              {w.name}
            </Text>
            <Text size="xs" c="dimmed">
              {ROLE_LABELS[w.role]}
            </Text>
          </Menu.Item>
        ))}
        {me.workspaces.length > 0 && <Menu.Divider />}
        <Menu.Item component={Link} to="/new-workspace" leftSection={<IconPlus size={16} />}>
          Create a workspace
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
