/** Settings → Users: everyone in the tenant, and a form to add someone. */
import { Alert, Badge, Button, Center, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { usersQuery } from '../api/queries';
import { PlusIcon } from '../shell/icons';
import { useFormat } from '../shell/use-format';
import { AddUserModal } from './add-user-modal';

/** The users table with the "Add user" button above it. */
export function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useQuery(usersQuery);
  const [adding, { open, close }] = useDisclosure(false);
  return (
    <>
      <Group justify="flex-end">
        <Button leftSection={<PlusIcon size={16} />} onClick={open} data-testid="add-user">
          {t('users.add')}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        {users.isPending ? (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        ) : users.isError ? (
          <Alert color="red" m="md">
            {describeError(users.error)}
          </Alert>
        ) : users.data.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center">
            {t('users.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" data-testid="user-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('users.email')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.scope')}</Table.Th>
                  <Table.Th>{t('users.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((user) => (
                  <Table.Tr key={user.id} data-testid="user-row">
                    <Table.Td fw={500}>{user.name}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={user.role === 'admin' ? 'red' : 'teal'} tt="none">
                        {t(`roles.${user.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`scopes.${user.scope}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {format.date(user.createdAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <AddUserModal opened={adding} onClose={close} />
    </>
  );
}
