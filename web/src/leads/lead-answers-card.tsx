/** The lead's answers to its requirements form, at the version they were given to; staff edit them here. */
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { AnswerField, answerErrors } from './answer-field';
import { leadFormQuery, useSaveAnswers, type Lead } from './lead-api';

/** The answers card; read-only once the lead is converted. */
export function LeadAnswersCard({ lead, missing }: { lead: Lead; missing: string[] }) {
  const { t } = useTranslation();
  const form = useQuery({
    ...leadFormQuery(lead.formId ?? '', lead.formVersion ?? undefined),
    enabled: !!lead.formId,
  });
  const save = useSaveAnswers(lead.id);
  const [answers, setAnswers] = useState<Record<string, unknown>>(lead.answers);
  const [saved, setSaved] = useState(false);
  if (!lead.formId) return null;
  const errors = isApiError(save.error) ? answerErrors(save.error.problem?.errors) : {};
  const onSave = () => {
    setSaved(false);
    save.mutate(answers, { onSuccess: () => setSaved(true) });
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="lead-answers">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{form.data?.name ?? t('leads.answers')}</Title>
          {lead.formVersion ? (
            <Badge variant="light">{t('leads.formVersion', { version: lead.formVersion })}</Badge>
          ) : null}
        </Group>
        {form.isError ? <Alert color="red">{describeError(form.error)}</Alert> : null}
        {(form.data?.fields ?? []).map((field) => (
          <AnswerField
            key={field.key}
            field={field}
            value={answers[field.key]}
            error={errors[field.key] ?? (missing.includes(field.key) ? t('validation.required') : undefined)}
            disabled={!!lead.convertedAt}
            onChange={(value) => setAnswers((current) => ({ ...current, [field.key]: value }))}
          />
        ))}
        {save.isError && !Object.keys(errors).length ? (
          <Alert color="red">{describeError(save.error)}</Alert>
        ) : null}
        {saved ? (
          <Text size="sm" c="teal" data-testid="answers-saved">
            {t('leads.answersSaved')}
          </Text>
        ) : null}
        {lead.convertedAt ? null : (
          <Group justify="flex-end">
            <Button onClick={onSave} loading={save.isPending} data-testid="save-answers">
              {t('leads.actions.save')}
            </Button>
          </Group>
        )}
        {missing.length ? (
          <Text size="sm" c="red" data-testid="missing-fields">
            {t('leads.missing', {
              fields: missing
                .map((key) => form.data?.fields.find((f) => f.key === key)?.label ?? key)
                .join(t('leads.listSeparator')),
            })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
