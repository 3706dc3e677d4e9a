import { Menu, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import {
  IconBell,
  IconCheck,
  IconDeviceDesktop,
  IconKey,
  IconLock,
  IconLogout,
  IconMoon,
  IconSun,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { User } from '../../contract/accounts.js';
import { api } from '../api/endpoints.js';
import { notifyError } from '../lib/notify.js';
import { PersonAvatar } from './PersonAvatar.js';

const SCHEMES = [
  { value: 'light', label: 'Light', icon: IconSun },
  { value: 'dark', label: 'Dark', icon: IconMoon },
  { value: 'auto', label: 'Follow system', icon: IconDeviceDesktop },
] as const;

export function UserMenu({ user }: { user: User }) {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const qc = useQueryClient();
  const navigate = useNavigate();

  const signOut = async () => {
    try {
      await api.logout();
    } catch (e) {
      notifyError(e, 'Could not sign out');
      return;
    }
    qc.clear();
    navigate('/signin', { replace: true });
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${user.name}`} style={{ borderRadius: 999 }}>
          <PersonAvatar person={user} size={32} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.name}
          <br />
          {user.email}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>Colour scheme</Menu.Label>
        {SCHEMES.map((s) => (
          <Menu.Item
            key={s.value}
            leftSection={<s.icon size={16} />}
            rightSection={colorScheme === s.value ? <IconCheck size={16} aria-label="selected" /> : null}
            onClick={() => setColorScheme(s.value)}
            closeMenuOnClick={false}
          >
            {s.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/account/notifications" leftSection={<IconBell size={16} />}>
          Notifications
        </Menu.Item>
        <Menu.Item component={Link} to="/account/password" leftSection={<IconLock size={16} />}>
          Password
        </Menu.Item>
        <Menu.Item component={Link} to="/account/tokens" leftSection={<IconKey size={16} />}>
          API tokens
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
