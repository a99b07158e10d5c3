/** Creates a pool (admins): a name, optionally the region whose customers return to it, and the default flag. */
import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { fieldErrors } from '../api/problem-text';
import { createPool, useRefreshCustomers, type Pool } from './pool-api';
import { usePoolErrorText } from './pool-errors';
import { REQUEST_ERRORS } from '../../../src/platform/http/problem.contract';

/** The dialog; `onCreated` receives the new pool so the page can show it. */
export function NewPoolModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (pool: Pool) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('pools.newPoolTitle')} centered>
      {opened && <NewPoolForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function NewPoolForm({ onClose, onCreated }: { onClose: () => void; onCreated: (pool: Pool) => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshCustomers();
  const errorText = usePoolErrorText();
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const create = useMutation({
    mutationFn: () => createPool({ name: name.trim(), region: region.trim() || undefined, isDefault }),
    onSuccess: async (pool) => {
      await refresh();
      onCreated(pool);
      onClose();
    },
  });
  // Bad input marks its fields; a refusal (a taken name) is a sentence under the form.
  const invalid = isApiError(create.error) && create.error.code === REQUEST_ERRORS.invalid;
  const fields = invalid ? fieldErrors(create.error) : {};
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="md" data-testid="new-pool-dialog">
        <TextInput
          label={t('pools.poolName')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fields.name}
          required
          maxLength={60}
          data-testid="pool-name"
        />
        <TextInput
          label={t('pools.poolRegion')}
          description={t('pools.poolRegionHint')}
          value={region}
          onChange={(event) => setRegion(event.currentTarget.value)}
          error={fields.region}
          maxLength={100}
        />
        <Checkbox
          label={t('pools.poolDefault')}
          checked={isDefault}
          onChange={(event) => setIsDefault(event.currentTarget.checked)}
        />
        {create.isError && !invalid && (
          <Alert color="red" data-testid="new-pool-error">
            {errorText(create.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('pools.ownership.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="create-pool">
            {t('pools.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
