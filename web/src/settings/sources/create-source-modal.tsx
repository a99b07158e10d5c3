/**
 * The "New source" dialog; once created it shows the write key with a copy button and how to send a
 * first event, so the reader can go straight to their code.
 */
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrors } from '../../api/problem-text';
import { SendSnippet } from './send-snippet';
import { emptyDraft, toInput, type SourceDraft } from './source-draft';
import { requiredErrors, SourceFields } from './source-fields';
import { SOURCE_KINDS, useCreateSource, type SourceKind } from './source-queries';
import { CopyIconButton } from './write-key';

/** Creates a source of the chosen kind. */
export function CreateSourceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SourceDraft>(emptyDraft);
  const [kind, setKind] = useState<SourceKind>('web');
  const [missing, setMissing] = useState<string[]>([]);
  const create = useCreateSource();
  const serverErrors = fieldErrors(create.error);
  const errors = { ...serverErrors, ...requiredErrors(missing, t('validation.required')) };
  const finish = (): void => {
    setDraft(emptyDraft);
    setKind('web');
    setMissing([]);
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const result = toInput(draft);
    setMissing(result.ok ? [] : result.missing);
    if (result.ok) create.mutate({ ...result.input, kind });
  };
  const created = create.data;
  return (
    <Modal
      opened={opened}
      onClose={finish}
      title={created ? t('sources.createdTitle', { name: created.name }) : t('sources.createTitle')}
      centered
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md" data-testid="source-created">
          <Text size="sm">{t('sources.createdIntro')}</Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <Text
              ff="monospace"
              fw={600}
              size="md"
              px="sm"
              py={6}
              bg="var(--mantine-color-default-hover)"
              style={{ borderRadius: 'var(--mantine-radius-sm)', wordBreak: 'break-all', flex: 1 }}
              data-testid="source-created-key"
            >
              {created.writeKey}
            </Text>
            <CopyIconButton value={created.writeKey} testId="source-created-copy" />
          </Group>
          <SendSnippet writeKey={created.writeKey} />
          <Group justify="flex-end">
            <Button onClick={finish} data-testid="source-done">
              {t('sources.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="source-form">
          <Stack gap="md">
            {create.isError && Object.keys(serverErrors).length === 0 && (
              <Alert color="red" title={t('sources.createFailed')} data-testid="source-error">
                {describeError(create.error)}
              </Alert>
            )}
            <SourceFields
              draft={draft}
              onChange={setDraft}
              errors={errors}
              afterName={
                <Select
                  label={t('sources.kind')}
                  description={t(`sources.kindHints.${kind}`)}
                  data={SOURCE_KINDS.map((value) => ({ value, label: t(`touchpoints.channels.${value}`) }))}
                  value={kind}
                  onChange={(value) => setKind(SOURCE_KINDS.find((known) => known === value) ?? kind)}
                  allowDeselect={false}
                  error={errors.kind}
                  data-testid="source-kind"
                />
              }
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={finish}>
                {t('sources.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="source-submit">
                {t('sources.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
