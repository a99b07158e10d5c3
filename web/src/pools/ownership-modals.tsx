/** The confirmations for claiming a customer and for releasing one back to a pool (with its reason). */
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/types';
import { claimCustomer, poolsQuery, releaseCustomer, useRefreshCustomers } from './pool-api';
import { usePoolErrorText } from './pool-errors';

/** Asks before claiming `customer` (open while it is not null); shows the server's refusal. */
export function ClaimModal({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={customer !== null} onClose={onClose} title={t('pools.ownership.claimTitle')} centered>
      {customer && <ClaimForm key={customer.id} customer={customer} onClose={onClose} />}
    </Modal>
  );
}

function ClaimForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshCustomers();
  const errorText = usePoolErrorText();
  const claim = useMutation({
    mutationFn: () => claimCustomer(customer.id),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Stack gap="md" data-testid="claim-dialog">
      <Text size="sm">{t('pools.ownership.claimConfirm', { name: customer.name })}</Text>
      {claim.isError && (
        <Alert color="red" data-testid="claim-error">
          {errorText(claim.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('pools.ownership.cancel')}
        </Button>
        <Button onClick={() => claim.mutate()} loading={claim.isPending} data-testid="confirm-claim">
          {t('pools.ownership.claim')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Releases `customer` to a pool (open while it is not null): the pool (automatic by default) and a reason. */
export function ReleaseModal({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={customer !== null} onClose={onClose} title={t('pools.ownership.releaseTitle')} centered>
      {customer && <ReleaseForm key={customer.id} customer={customer} onClose={onClose} />}
    </Modal>
  );
}

const AUTO = 'auto';

function ReleaseForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const pools = useQuery(poolsQuery);
  const refresh = useRefreshCustomers();
  const errorText = usePoolErrorText();
  const [poolId, setPoolId] = useState(AUTO);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const release = useMutation({
    mutationFn: () =>
      releaseCustomer(customer.id, { reason: reason.trim(), ...(poolId !== AUTO ? { poolId } : {}) }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const submit = (): void => {
    if (!reason.trim()) return setMissing(true);
    release.mutate();
  };
  const choices = [
    { value: AUTO, label: t('pools.ownership.releasePoolAuto') },
    ...(pools.data ?? []).map((pool) => ({ value: pool.id, label: pool.name })),
  ];
  return (
    <Stack gap="md" data-testid="release-dialog">
      <Text size="sm">{t('pools.ownership.releaseConfirm', { name: customer.name })}</Text>
      <Select
        label={t('pools.ownership.releasePool')}
        data={choices}
        value={poolId}
        onChange={(value) => setPoolId(value ?? AUTO)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('pools.ownership.reason')}
        placeholder={t('pools.ownership.reasonPlaceholder')}
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          setMissing(false);
        }}
        error={missing ? t('pools.ownership.reasonRequired') : undefined}
        required
        autosize
        minRows={2}
        maxLength={500}
        data-testid="release-reason"
      />
      {release.isError && (
        <Alert color="red" data-testid="release-error">
          {errorText(release.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('pools.ownership.cancel')}
        </Button>
        <Button color="orange" onClick={submit} loading={release.isPending} data-testid="confirm-release">
          {t('pools.ownership.release')}
        </Button>
      </Group>
    </Stack>
  );
}
