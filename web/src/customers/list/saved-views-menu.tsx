/**
 * Saved views of the customer list: the user's own and the tenant's shared ones. Choosing one puts its
 * filters into the address; the current filters can be saved under a name, shared or not.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  Popover,
  Stack,
  Switch,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { describeError, fieldErrors } from '../../api/problem-text';
import { savedViewsQuery } from '../../api/queries';
import type { CreateSavedViewInput, SavedView } from '../../api/types';
import type { CustomerListSearch } from './list-search';
import { isSameView, toViewFilters } from './list-search';

type Props = {
  search: CustomerListSearch;
  onApply: (filters: Record<string, string>) => void;
};

/** The "Views" button and its list; the button names the view when the address matches one. */
export function SavedViewsMenu({ search, onApply }: Props) {
  const { t } = useTranslation();
  const views = useQuery(savedViewsQuery);
  const [opened, { toggle, close }] = useDisclosure(false);
  const [saving, saveModal] = useDisclosure(false);
  const remove = useDeleteView();
  const current = views.data?.find((view) => isSameView(search, view.filters));
  const mine = (views.data ?? []).filter((view) => view.mine);
  const shared = (views.data ?? []).filter((view) => !view.mine);
  const row = (view: SavedView) => (
    <Group key={view.id} gap={4} wrap="nowrap" justify="space-between" data-testid="saved-view-row">
      <UnstyledButton
        flex={1}
        miw={0}
        py={4}
        px={6}
        style={{ borderRadius: 4 }}
        bg={view.id === current?.id ? 'var(--mantine-color-blue-light)' : undefined}
        onClick={() => {
          onApply(view.filters);
          close();
        }}
        data-testid="saved-view"
        data-view-id={view.id}
      >
        <Group gap={6} wrap="nowrap">
          <Text size="sm" truncate>
            {view.name}
          </Text>
          {view.shared && view.mine && (
            <Badge size="xs" variant="light" color="gray" tt="none">
              {t('customers.views.sharedBadge')}
            </Badge>
          )}
        </Group>
      </UnstyledButton>
      {view.mine && (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t('customers.views.delete', { name: view.name })}
          loading={remove.isPending && remove.variables === view.id}
          onClick={() => remove.mutate(view.id)}
          data-testid="delete-saved-view"
        >
          ×
        </ActionIcon>
      )}
    </Group>
  );
  return (
    <>
      <Popover opened={opened} onDismiss={close} position="bottom-end" width={280} shadow="md">
        <Popover.Target>
          <Button variant="default" onClick={toggle} data-testid="saved-views" maw={220}>
            <Text size="sm" truncate inherit>
              {current ? current.name : t('customers.views.button')}
            </Text>
          </Button>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Stack gap={4}>
            {views.isError && (
              <Text size="sm" c="red">
                {describeError(views.error)}
              </Text>
            )}
            {remove.isError && (
              <Text size="sm" c="red">
                {describeError(remove.error)}
              </Text>
            )}
            <Text size="xs" c="dimmed" fw={600} px={6}>
              {t('customers.views.mine')}
            </Text>
            {mine.length > 0 ? mine.map(row) : <EmptyLine text={t('customers.views.noneMine')} />}
            <Text size="xs" c="dimmed" fw={600} px={6} mt={4}>
              {t('customers.views.shared')}
            </Text>
            {shared.length > 0 ? shared.map(row) : <EmptyLine text={t('customers.views.noneShared')} />}
            <Divider my={4} />
            <Button
              variant="subtle"
              size="xs"
              justify="flex-start"
              onClick={() => {
                close();
                saveModal.open();
              }}
              data-testid="save-view"
            >
              {t('customers.views.save')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <SaveViewModal opened={saving} onClose={saveModal.close} search={search} />
    </>
  );
}

function EmptyLine({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed" px={6} py={2}>
      {text}
    </Text>
  );
}

/** Deletes one of the user's views; the list refetches. */
function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi<void>('DELETE', `/api/saved-views/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewsQuery.queryKey }),
  });
}

/** Names the current filters and saves them, private unless "Share" is on. */
function SaveViewModal({
  opened,
  onClose,
  search,
}: {
  opened: boolean;
  onClose: () => void;
  search: CustomerListSearch;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: (input: CreateSavedViewInput) => callApi<SavedView>('POST', '/api/saved-views', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: savedViewsQuery.queryKey });
      setName('');
      setShared(false);
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    save.mutate({ name: name.trim(), filters: toViewFilters(search), shared });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.views.saveTitle')} centered>
      <form onSubmit={submit} noValidate data-testid="save-view-form">
        <Stack gap="md">
          {save.isError && Object.keys(errors).length === 0 && (
            <Alert color="red">{describeError(save.error)}</Alert>
          )}
          <TextInput
            label={t('customers.views.name')}
            placeholder={t('customers.views.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
            data-testid="save-view-name"
          />
          <Switch
            label={t('customers.views.shareLabel')}
            description={t('customers.views.shareHint')}
            checked={shared}
            onChange={(event) => setShared(event.currentTarget.checked)}
            data-testid="save-view-shared"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('customerForm.cancel')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={name.trim() === ''}
              data-testid="save-view-submit"
            >
              {t('customers.views.saveSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
