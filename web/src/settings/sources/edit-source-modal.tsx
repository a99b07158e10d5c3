/** Changes a source's name, rate limit and retention. */
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../src/modules/insights/source/source.contract';
import { describeError, fieldErrors } from '../../api/problem-text';
import { useLastPresent } from '../use-last-present';
import { draftOf, toInput, type SourceDraft } from './source-draft';
import { requiredErrors, SourceFields } from './source-fields';
import { useUpdateSource } from './source-queries';

/** Edits `source` while it is not null; closing forgets unsaved changes. */
export function EditSourceModal({ source, onClose }: { source: Source | null; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = useLastPresent(source);
  return (
    <Modal
      opened={source !== null}
      onClose={onClose}
      title={t('sources.editTitle', { name: shown?.name ?? '' })}
      centered
      size="lg"
    >
      {shown && <EditSourceForm key={shown.id} source={shown} onDone={onClose} />}
    </Modal>
  );
}

/** The form inside the dialog, starting from the source as it is. */
function EditSourceForm({ source, onDone }: { source: Source; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SourceDraft>(() => draftOf(source));
  const [missing, setMissing] = useState<string[]>([]);
  const update = useUpdateSource();
  const serverErrors = fieldErrors(update.error);
  const errors = { ...serverErrors, ...requiredErrors(missing, t('validation.required')) };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const result = toInput(draft);
    setMissing(result.ok ? [] : result.missing);
    if (result.ok) update.mutate({ id: source.id, ...result.input }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="source-edit-form">
      <Stack gap="md">
        {update.isError && Object.keys(serverErrors).length === 0 && (
          <Alert color="red" title={t('sources.saveFailed')}>
            {describeError(update.error)}
          </Alert>
        )}
        <SourceFields draft={draft} onChange={setDraft} errors={errors} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('sources.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="source-save">
            {t('sources.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
