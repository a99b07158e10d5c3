/**
 * The form builder: a form's name and its fields in order (key, question, type, required, options,
 * help). Saving an existing form makes a new version; answers to older versions stay readable.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { usePageTitle } from '../shell/use-page-title';
import { FIELD_TYPES, leadFormQuery, useSaveLeadForm, type FieldType, type LeadForm } from './lead-api';

type DraftField = {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string;
  help: string;
};

const blankField = (n: number): DraftField => ({
  key: `field_${n}`,
  label: '',
  type: 'text',
  required: false,
  options: '',
  help: '',
});

const toDraft = (form: LeadForm): DraftField[] =>
  form.fields.map((f) => ({ ...f, options: (f.options ?? []).join('\n'), help: f.help ?? '' }));

/** The page for `/lead-forms/new` and `/lead-forms/$id`. */
export function FormBuilderPage() {
  const { id } = useParams({ strict: false });
  const existing = useQuery({ ...leadFormQuery(id ?? ''), enabled: !!id });
  if (id && existing.isPending)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  if (existing.isError) return <Alert color="red">{describeError(existing.error)}</Alert>;
  return <Builder key={`${id ?? 'new'}-${existing.data?.version ?? 0}`} id={id} form={existing.data} />;
}

function Builder({ id, form }: { id?: string; form?: LeadForm }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(form?.name ?? t('leads.builder.new'));
  const [name, setName] = useState(form?.name ?? '');
  const [fields, setFields] = useState<DraftField[]>(form ? toDraft(form) : [blankField(1)]);
  const save = useSaveLeadForm(id);
  const issues = isApiError(save.error) ? (save.error.problem?.errors ?? []) : [];
  const errorAt = (path: string) => issues.find((i) => i.path === path)?.message;
  const change = (index: number, patch: Partial<DraftField>) =>
    setFields((all) => all.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const moveField = (index: number, by: number) =>
    setFields((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const onSave = () => {
    const input = {
      name,
      fields: fields.map((f) => ({
        key: f.key,
        label: f.label,
        type: f.type,
        required: f.required,
        ...(f.type === 'choice' || f.type === 'multi_choice'
          ? {
              options: f.options
                .split('\n')
                .map((o) => o.trim())
                .filter(Boolean),
            }
          : {}),
        ...(f.help.trim() ? { help: f.help.trim() } : {}),
      })),
    };
    save.mutate(input, {
      onSuccess: (saved) => void navigate({ to: '/lead-forms/$id', params: { id: saved.id } }),
    });
  };
  return (
    <Stack gap="md" maw={820} data-testid="form-builder">
      <Anchor component={Link} to="/lead-forms" size="sm">
        ← {t('leads.builder.title')}
      </Anchor>
      <Title order={2}>{id ? t('leads.builder.edit') : t('leads.builder.new')}</Title>
      <TextInput
        label={t('leads.builder.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errorAt('name')}
        data-testid="form-name"
      />
      <Title order={4}>{t('leads.builder.fields')}</Title>
      {fields.map((field, index) => (
        <Paper key={index} withBorder p="sm" radius="md" data-testid="builder-field">
          <Stack gap="xs">
            <Group grow align="flex-start">
              <TextInput
                label={t('leads.builder.key')}
                value={field.key}
                onChange={(e) => change(index, { key: e.currentTarget.value })}
                error={errorAt(`fields.${index}.key`)}
              />
              <TextInput
                label={t('leads.builder.label')}
                value={field.label}
                onChange={(e) => change(index, { label: e.currentTarget.value })}
                error={errorAt(`fields.${index}.label`)}
              />
              <Select
                label={t('leads.builder.type')}
                data={FIELD_TYPES.map((type) => ({ value: type, label: t(`leads.type.${type}`) }))}
                value={field.type}
                allowDeselect={false}
                onChange={(v) => v && change(index, { type: v })}
              />
            </Group>
            {field.type === 'choice' || field.type === 'multi_choice' ? (
              <Textarea
                label={t('leads.builder.options')}
                autosize
                minRows={2}
                value={field.options}
                onChange={(e) => change(index, { options: e.currentTarget.value })}
                error={errorAt(`fields.${index}.options`)}
              />
            ) : null}
            <TextInput
              label={t('leads.builder.help')}
              value={field.help}
              onChange={(e) => change(index, { help: e.currentTarget.value })}
            />
            <Group justify="space-between">
              <Checkbox
                label={t('leads.builder.required')}
                checked={field.required}
                onChange={(e) => change(index, { required: e.currentTarget.checked })}
              />
              <Group gap={4}>
                <ActionIcon
                  variant="default"
                  aria-label={t('leads.builder.up')}
                  disabled={index === 0}
                  onClick={() => moveField(index, -1)}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  aria-label={t('leads.builder.down')}
                  disabled={index === fields.length - 1}
                  onClick={() => moveField(index, 1)}
                >
                  ↓
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  color="red"
                  aria-label={t('leads.builder.remove')}
                  onClick={() => setFields((all) => all.filter((_, i) => i !== index))}
                >
                  ×
                </ActionIcon>
              </Group>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group justify="space-between">
        <Button
          variant="default"
          onClick={() => setFields((all) => [...all, blankField(all.length + 1)])}
          data-testid="add-field"
        >
          {t('leads.builder.addField')}
        </Button>
        <Button onClick={onSave} loading={save.isPending} data-testid="save-form">
          {t('leads.builder.save')}
        </Button>
      </Group>
      {save.isSuccess ? (
        <Text c="teal">{t('leads.builder.saved', { version: save.data.version })}</Text>
      ) : null}
      {save.isError && !issues.length ? <Alert color="red">{describeError(save.error)}</Alert> : null}
    </Stack>
  );
}
