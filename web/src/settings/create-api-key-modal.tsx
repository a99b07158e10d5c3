/** The "Create an API key" dialog; after creation it shows the key once, with a copy button. */
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError, fieldErrors } from '../api/problem-text';
import { apiKeysQuery } from '../api/queries';
import type { CreatedApiKey, Role } from '../api/types';
import { NewApiKey } from './new-api-key';
import { RoleSelect } from './role-select';

/** Creates a key named by the user with the chosen role. */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('sales_rep');
  const [lifetime, setLifetime] = useState('none');
  const create = useMutation({
    mutationFn: () =>
      callApi<CreatedApiKey>('POST', '/api/api-keys', {
        name: name.trim(),
        role,
        ...(lifetime === 'none' ? {} : { expiresInDays: Number(lifetime) }),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey }),
  });
  const errors = fieldErrors(create.error);
  // The secret lives only in this mutation's state: closing the dialog forgets it for good.
  const finish = (): void => {
    setName('');
    setRole('sales_rep');
    setLifetime('none');
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    create.mutate();
  };
  const created = create.data;
  return (
    <Modal
      opened={opened}
      onClose={finish}
      title={created ? t('apiKeys.newKeyTitle') : t('apiKeys.createTitle')}
      centered
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <NewApiKey apiKey={created.key} onDone={finish} />
      ) : (
        <form onSubmit={submit} noValidate data-testid="create-api-key-form">
          <Stack gap="md">
            {create.isError && Object.keys(errors).length === 0 && (
              <Alert color="red" title={t('apiKeys.failed')}>
                {describeError(create.error)}
              </Alert>
            )}
            <TextInput
              label={t('apiKeys.name')}
              placeholder={t('apiKeys.namePlaceholder')}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              data-testid="api-key-name"
            />
            <RoleSelect
              label={t('apiKeys.role')}
              value={role}
              onChange={setRole}
              error={errors.role}
              testId="api-key-role"
            />
            <Select
              label={t('apiKeys.lifetime')}
              value={lifetime}
              onChange={(value) => setLifetime(value ?? 'none')}
              allowDeselect={false}
              data={[
                { value: 'none', label: t('apiKeys.noExpiry') },
                ...['30', '90', '365'].map((days) => ({ value: days, label: t('apiKeys.days', { days }) })),
              ]}
              data-testid="api-key-lifetime"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={finish}>
                {t('apiKeys.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="api-key-submit">
                {t('apiKeys.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
