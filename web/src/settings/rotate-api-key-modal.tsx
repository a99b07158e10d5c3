/** Rotating a key: a new key now, the old one working for a grace period so systems can switch over. */
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError } from '../api/problem-text';
import { apiKeysQuery } from '../api/queries';
import type { ApiKeyOut, CreatedApiKey } from '../api/types';
import { NewApiKey } from './new-api-key';

/** Asks for the grace period, rotates, then shows the new key once. */
export function RotateApiKeyModal({ apiKey, onClose }: { apiKey: ApiKeyOut | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [graceHours, setGraceHours] = useState('24');
  const rotate = useMutation({
    mutationFn: (id: string) =>
      callApi<CreatedApiKey>('POST', `/api/api-keys/${encodeURIComponent(id)}/rotate`, {
        graceHours: Number(graceHours),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey }),
  });
  const close = (): void => {
    rotate.reset();
    setGraceHours('24');
    onClose();
  };
  const created = rotate.data;
  return (
    <Modal
      opened={apiKey !== null}
      onClose={close}
      title={created ? t('apiKeys.newKeyTitle') : t('apiKeys.rotateTitle')}
      centered
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <NewApiKey apiKey={created.key} onDone={close} />
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('apiKeys.rotateConfirm', { name: apiKey?.name ?? '' })}</Text>
          <Select
            label={t('apiKeys.grace')}
            value={graceHours}
            onChange={(value) => setGraceHours(value ?? '24')}
            allowDeselect={false}
            data={['1', '24', '168'].map((hours) => ({ value: hours, label: t('apiKeys.hours', { hours }) }))}
            data-testid="api-key-grace"
          />
          {rotate.isError && (
            <Alert color="red" title={t('apiKeys.rotateFailed')}>
              {describeError(rotate.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('apiKeys.cancel')}
            </Button>
            <Button
              loading={rotate.isPending}
              onClick={() => apiKey && rotate.mutate(apiKey.id)}
              data-testid="confirm-rotate"
            >
              {t('apiKeys.rotate')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
