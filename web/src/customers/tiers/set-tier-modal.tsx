/** The "set by hand" dialog: a tier of one dimension (or none) and the reason, which is required. */
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/problem-text';
import type { CustomerTiers, TierDimension } from '../../../../src/modules/crm/tier/tier.contract';
import { useLastPresent } from '../../settings/use-last-present';
import { describeTierError } from './tier-errors';
import { useChangeTier } from './tier-queries';
import { INTENT_TIERS, PERSONAS, SATISFACTION_TIERS } from './tier-texts';

/** Stands for "no tier" in the select, which cannot hold null as a choice. */
const NONE = '__none__';

/** Opens while `dimension` is set; closing forgets what was typed. */
export function SetTierModal({
  customerId,
  tiers,
  dimension,
  onClose,
}: {
  customerId: string;
  tiers: CustomerTiers;
  dimension: TierDimension | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const shown = useLastPresent(dimension);
  return (
    <Modal
      opened={dimension !== null}
      onClose={onClose}
      title={shown ? t('tiers.set.title', { dimension: t(`tiers.dimensions.${shown}`) }) : undefined}
      centered
    >
      {shown && (
        <SetTierForm key={shown} customerId={customerId} tiers={tiers} dimension={shown} onDone={onClose} />
      )}
    </Modal>
  );
}

/** The choices of a dimension, each with what it means where that helps choosing. */
function useChoices(dimension: TierDimension, tiers: CustomerTiers): { value: string; label: string }[] {
  const { t } = useTranslation();
  const choices =
    dimension === 'intent'
      ? INTENT_TIERS.map((tier) => ({ value: tier, label: `${tier} — ${t(`tiers.intent.${tier}.meaning`)}` }))
      : dimension === 'satisfaction'
        ? SATISFACTION_TIERS.map((tier) => ({
            value: tier,
            label: `${tier} — ${t(`tiers.satisfaction.${tier}`)}`,
          }))
        : dimension === 'value'
          ? tiers.valueTiers.map((tier) => ({ value: tier.code, label: tier.label }))
          : PERSONAS.map((persona) => ({ value: persona, label: t(`tiers.personas.${persona}.name`) }));
  return [...choices, { value: NONE, label: t('tiers.set.clear') }];
}

function SetTierForm({
  customerId,
  tiers,
  dimension,
  onDone,
}: {
  customerId: string;
  tiers: CustomerTiers;
  dimension: TierDimension;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeTier(customerId);
  const [tier, setTier] = useState<string>(tiers[dimension] ?? NONE);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const choices = useChoices(dimension, tiers);
  const errors = fieldErrors(change.error);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    // The server refuses a change without a reason too; saying so here saves the round trip.
    if (!reason.trim()) return setMissingReason(true);
    change.mutate(
      { dimension, tier: tier === NONE ? null : tier, reason: reason.trim() },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="set-tier-form">
      <Stack gap="md">
        {change.isError && !errors.tier && !errors.reason && (
          <Alert color="red" title={t('tiers.set.failed')} data-testid="set-tier-error">
            {describeTierError(change.error, t)}
          </Alert>
        )}
        <Select
          label={t('tiers.set.tier')}
          data={choices}
          value={tier}
          onChange={(value) => setTier(value ?? NONE)}
          allowDeselect={false}
          error={errors.tier}
          comboboxProps={{ withinPortal: true }}
          data-testid="set-tier-select"
        />
        <Textarea
          label={t('tiers.set.reason')}
          placeholder={t('tiers.set.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setMissingReason(false);
          }}
          error={missingReason ? t('validation.required') : errors.reason}
          data-testid="set-tier-reason"
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('tiers.set.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending} data-testid="set-tier-submit">
            {t('tiers.set.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
