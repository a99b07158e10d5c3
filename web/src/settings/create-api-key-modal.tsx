/** The "Create an API key" dialog; after creation it shows the key once, with a copy button. */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError, fieldErrors } from '../api/problem-text';
import { apiKeysQuery } from '../api/queries';
import type { CreatedApiKey, Role } from '../api/types';
import { RoleSelect } from './role-select';

/** Creates a key named by the user with the chosen role. */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('sales_rep');
  const create = useMutation({
    mutationFn: () => callApi<CreatedApiKey>('POST', '/api/api-keys', { name: name.trim(), role }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey }),
  });
  const errors = fieldErrors(create.error);
  // The secret lives only in this mutation's state: closing the dialog forgets it for good.
  const finish = (): void => {
    setName('');
    setRole('sales_rep');
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
        <Stack gap="md" data-testid="new-api-key">
          <Alert color="yellow" title={t('apiKeys.newKeyWarning')} />
          <Code
            block
            data-testid="new-api-key-value"
            style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          >
            {created.key}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                >
                  {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={finish} data-testid="api-key-done">
              {t('apiKeys.done')}
            </Button>
          </Group>
        </Stack>
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
