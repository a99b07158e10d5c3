/** Asks before giving a source a new write key, because every client using the old one stops at once. */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../src/modules/insights/source/source.contract';
import { describeError } from '../../api/problem-text';
import { useLastPresent } from '../use-last-present';
import { useRotateWriteKey } from './source-queries';

/** Open while `source` is set; after rotating, the table shows the new key. */
export function RotateKeyModal({ source, onClose }: { source: Source | null; onClose: () => void }) {
  const { t } = useTranslation();
  const rotate = useRotateWriteKey();
  const shown = useLastPresent(source);
  const close = (): void => {
    rotate.reset();
    onClose();
  };
  return (
    <Modal opened={source !== null} onClose={close} title={t('sources.rotateTitle')} centered>
      <Stack gap="md">
        <Text size="sm">{t('sources.rotateConfirm', { name: shown?.name ?? '' })}</Text>
        {rotate.isError && (
          <Alert color="red" title={t('sources.rotateFailed')}>
            {describeError(rotate.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('sources.cancel')}
          </Button>
          <Button
            color="red"
            loading={rotate.isPending}
            onClick={() => source && rotate.mutate(source.id, { onSuccess: close })}
            data-testid="source-confirm-rotate"
          >
            {t('sources.rotate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
