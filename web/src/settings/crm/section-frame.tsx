/** The frame of one section of the CRM settings: title, explanation, its fields, and Save / Undo. */
import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/problem-text';

type Props = {
  title: string;
  description: string;
  /** False for users who may only look: every input inside is disabled and there is no Save. */
  editable: boolean;
  dirty: boolean;
  saving: boolean;
  saved: boolean;
  error: unknown;
  onSave: () => void;
  onReset: () => void;
  testId: string;
  children: ReactNode;
};

/** A fieldset (disabled for readers) with the section's own Save, so sections never overwrite each other. */
export function SectionFrame(props: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset
      legend={
        <Text fw={600} size="md">
          {props.title}
        </Text>
      }
      disabled={!props.editable}
      radius="md"
      data-testid={props.testId}
      miw={0}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {props.description}
        </Text>
        {props.children}
        {props.error !== null && props.error !== undefined && (
          <Alert color="red" data-testid={`${props.testId}-error`}>
            {describeError(props.error)}
          </Alert>
        )}
        {props.editable && (
          <Group justify="flex-end" gap="sm">
            {props.saved && !props.dirty && (
              <Text size="sm" c="teal" data-testid={`${props.testId}-saved`}>
                {t('settings.crm.saved')}
              </Text>
            )}
            <Button variant="default" onClick={props.onReset} disabled={!props.dirty || props.saving}>
              {t('settings.crm.undo')}
            </Button>
            <Button
              onClick={props.onSave}
              disabled={!props.dirty}
              loading={props.saving}
              data-testid={`${props.testId}-save`}
            >
              {t('settings.crm.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
