/** The avatar menu in the header: who is signed in, in which tenant, and the way out. */
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe, useSignOut } from '../auth/use-me';

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/);
  // Chinese names read well as their first character; Latin ones as two initials.
  if (/^[\u4e00-\u9fff]/.test(name)) return name.slice(0, 1);
  return words
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/** The user's name and avatar opening a menu with the tenant, the email and "Sign out". */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('header.account')}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="teal">
              {initialsOf(me.user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" data-testid="user-name" truncate maw={160}>
              {me.user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.tenant.name}</Menu.Label>
        <Text size="xs" c="dimmed" px="sm" pb={6}>
          {t('header.signedInAs', { email: me.user.email })} · {t(`roles.${me.role}`)}
        </Text>
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => void signOut()} data-testid="sign-out">
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
