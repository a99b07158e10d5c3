/**
 * The shared requirements form (`/f/<token>`): no login, a phone-sized single column, in the lead's
 * language. The token opens this one form; answers can change until the lead is qualified.
 */
import { Alert, Box, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { showLocale } from '../i18n/i18n';
import { Brand } from '../shell/brand';
import { useFormat } from '../shell/use-format';
import { usePageTitle } from '../shell/use-page-title';
import { AnswerField, answerErrors } from './answer-field';
import { publicFormQuery, useSubmitPublicForm, type PublicForm } from './lead-api';

/** The page: loading, an explanation when the link does not work, or the form. */
export function PublicFormPage() {
  const { t } = useTranslation();
  const token = useParams({ strict: false }).token ?? '';
  const form = useQuery(publicFormQuery(token));
  usePageTitle(form.data?.form.name ?? t('leads.public.title'));
  useEffect(() => {
    if (form.data) void showLocale(form.data.language);
  }, [form.data]);
  return (
    <Box mih="100vh" bg="gray.0" py="md" px="sm">
      <Center>
        <Stack w="100%" maw={480} gap="md">
          <Center>
            <Brand />
          </Center>
          {form.isPending ? (
            <Center p="xl">
              <Loader size="sm" />
            </Center>
          ) : form.isError ? (
            <Alert color="red" data-testid="public-form-error">
              {isApiError(form.error, 410)
                ? t('leads.public.expired')
                : isApiError(form.error, 404)
                  ? t('leads.public.notFound')
                  : describeError(form.error)}
            </Alert>
          ) : (
            <AnswerSheet token={token} form={form.data} />
          )}
        </Stack>
      </Center>
    </Box>
  );
}

/** The questions with the answers so far, and the send button while the form is open. */
function AnswerSheet({ token, form }: { token: string; form: PublicForm }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [answers, setAnswers] = useState<Record<string, unknown>>(form.answers);
  const [sent, setSent] = useState(false);
  const submit = useSubmitPublicForm(token);
  const errors = isApiError(submit.error) ? answerErrors(submit.error.problem?.errors) : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    submit.mutate(answers, { onSuccess: () => setSent(true) });
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={onSubmit} data-testid="public-form">
      <Stack gap="md">
        <div>
          <Title order={3}>{form.form.name}</Title>
          <Text size="sm" c="dimmed">
            {form.leadName}
          </Text>
        </div>
        <Text size="sm">{form.editable ? t('leads.public.intro') : t('leads.public.closed')}</Text>
        {form.form.fields.map((field) => (
          <AnswerField
            key={field.key}
            field={field}
            value={answers[field.key]}
            error={errors[field.key]}
            disabled={!form.editable || submit.isPending}
            onChange={(value) => setAnswers((current) => ({ ...current, [field.key]: value }))}
          />
        ))}
        {submit.isError && !Object.keys(errors).length ? (
          <Alert color="red">
            {isApiError(submit.error, 409) ? t('leads.public.closed') : describeError(submit.error)}
          </Alert>
        ) : null}
        {sent ? (
          <Alert color="teal" data-testid="public-form-sent">
            {t('leads.public.sent')}
          </Alert>
        ) : null}
        {form.editable ? (
          <Button
            type="submit"
            loading={submit.isPending}
            fullWidth
            size="md"
            data-testid="public-form-submit"
          >
            {t('leads.public.submit')}
          </Button>
        ) : null}
        <Text size="xs" c="dimmed" ta="center">
          {t('leads.public.validUntil', { date: dateTime(form.expiresAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}
