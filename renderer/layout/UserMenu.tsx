import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignOut } from '../auth/session.js';
import { describeApiError } from '../i18n/errors.js';
import classes from './UserMenu.module.css';

interface UserMenuProps {
  name: string;
  position: string | null;
}

export function UserMenu({ name, position }: UserMenuProps) {
  const { t } = useTranslation();
  const signOut = useSignOut();

  return (
    <Menu position="bottom-end" width={200} shadow="md">
      <Menu.Target>
        <UnstyledButton className={classes.target} aria-label={t('header.userMenu', { name })}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size={30} radius="xl" color="indigo" name={name} />
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={500} lh={1.2} truncate maw={160}>
                {name}
              </Text>
              {position ? (
                <Text size="xs" c="dimmed" lh={1.2} truncate maw={160}>
                  {position}
                </Text>
              ) : null}
            </Stack>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} aria-hidden />}>
          {t('nav.settings')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() =>
            signOut.mutate(undefined, {
              onError: (error) => notifications.show({ color: 'red', message: describeApiError(error) }),
            })
          }
        >
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
