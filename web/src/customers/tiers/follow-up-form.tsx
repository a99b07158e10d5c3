/**
 * The follow-up form above the timeline: channel, note and when; optionally what the conversation
 * taught about budget, need and objection, which feeds the tier suggestion.
 */
import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  UnstyledButton,
  Text,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/problem-text';
import {
  FOLLOW_UP_CHANNELS,
  type CreateFollowUpInput,
  type FollowUpChannel,
} from '../../../../src/modules/crm/follow-up/follow-up.contract';
import { describeTierError } from './tier-errors';
import { useCreateFollowUp } from './tier-queries';

const BUDGETS = ['confirmed', 'over_budget', 'none', 'unknown'] as const;
const NEEDS = ['recorded', 'latent', 'none', 'unknown'] as const;
/** Stands for "leave as it is" in the budget and need selects. */
const KEEP = 'keep';

/** `datetime-local` text for a moment, in the browser's time zone, e.g. `2026-05-04T09:30`. */
function localInputValue(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** Records a follow-up with the customer; the timeline and the suggestion refresh after. */
export function FollowUpForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const create = useCreateFollowUp(customerId);
  const [channel, setChannel] = useState<FollowUpChannel>('call');
  const [note, setNote] = useState('');
  const [when, setWhen] = useState('');
  const [learnt, setLearnt] = useState(false);
  const [budget, setBudget] = useState<string>(KEEP);
  const [need, setNeed] = useState<string>(KEEP);
  const [objection, setObjection] = useState('');
  const [objectionCleared, setObjectionCleared] = useState(false);
  const errors = fieldErrors(create.error);

  const reset = (): void => {
    setNote('');
    setWhen('');
    setBudget(KEEP);
    setNeed(KEEP);
    setObjection('');
    setObjectionCleared(false);
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input: CreateFollowUpInput = {
      channel,
      note: note.trim(),
      ...(when ? { at: new Date(when).toISOString() } : {}),
      budget: BUDGETS.find((b) => b === budget),
      need: NEEDS.find((n) => n === need),
      ...(objectionCleared ? { objection: null } : objection.trim() ? { objection: objection.trim() } : {}),
    };
    create.mutate(input, { onSuccess: reset });
  };
  const keep = { value: KEEP, label: t('tiers.followUp.unchanged') };
  const budgetChoices = [
    keep,
    ...BUDGETS.map((value) => ({ value, label: t(`tiers.followUp.budgets.${value}`) })),
  ];
  const needChoices = [keep, ...NEEDS.map((value) => ({ value, label: t(`tiers.followUp.needs.${value}`) }))];

  return (
    <form onSubmit={submit} noValidate data-testid="follow-up-form">
      <Stack gap="sm">
        <Text fw={500}>{t('tiers.followUp.title')}</Text>
        {create.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" title={t('tiers.followUp.failed')} data-testid="follow-up-error">
            {describeTierError(create.error, t)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('tiers.followUp.channel')}
            data={FOLLOW_UP_CHANNELS.map((value) => ({
              value,
              label: t(`tiers.timeline.channels.${value}`),
            }))}
            value={channel}
            onChange={(value) => setChannel(FOLLOW_UP_CHANNELS.find((c) => c === value) ?? 'call')}
            allowDeselect={false}
            error={errors.channel}
            comboboxProps={{ withinPortal: true }}
            data-testid="follow-up-channel"
          />
          <TextInput
            type="datetime-local"
            label={t('tiers.followUp.when')}
            description={t('tiers.followUp.whenHint')}
            value={when}
            max={localInputValue(new Date())}
            onChange={(event) => setWhen(event.currentTarget.value)}
            error={errors.at}
            data-testid="follow-up-when"
          />
        </SimpleGrid>
        <Textarea
          label={t('tiers.followUp.note')}
          placeholder={t('tiers.followUp.notePlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={5000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.note}
          data-testid="follow-up-note"
        />
        <UnstyledButton onClick={() => setLearnt((open) => !open)} data-testid="follow-up-learnt-toggle">
          <Text size="sm" c="blue">
            {learnt ? '▾' : '▸'} {t('tiers.followUp.learnt')}
          </Text>
        </UnstyledButton>
        <Collapse expanded={learnt}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('tiers.followUp.budget')}
              data={budgetChoices}
              value={budget}
              onChange={(value) => setBudget(value ?? KEEP)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="follow-up-budget"
            />
            <Select
              label={t('tiers.followUp.need')}
              data={needChoices}
              value={need}
              onChange={(value) => setNeed(value ?? KEEP)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="follow-up-need"
            />
            <TextInput
              label={t('tiers.followUp.objection')}
              placeholder={t('tiers.followUp.objectionPlaceholder')}
              value={objection}
              disabled={objectionCleared}
              maxLength={500}
              onChange={(event) => setObjection(event.currentTarget.value)}
              error={errors.objection}
              data-testid="follow-up-objection"
            />
            <Checkbox
              mt={{ base: 0, xs: 'xl' }}
              label={t('tiers.followUp.objectionCleared')}
              checked={objectionCleared}
              onChange={(event) => setObjectionCleared(event.currentTarget.checked)}
              data-testid="follow-up-objection-cleared"
            />
          </SimpleGrid>
        </Collapse>
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={create.isPending}
            disabled={!note.trim()}
            data-testid="follow-up-submit"
          >
            {t('tiers.followUp.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
