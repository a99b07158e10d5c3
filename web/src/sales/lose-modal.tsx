/** Asks why a deal was lost, from the tenant's lost reasons, then loses it. */
import { Alert, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import { describeError } from '../api/problem-text';
import { loseDeal, lostReasonsQuery } from './sales-queries';
import { defaultText } from './default-names';

type Props = { deal: Deal | null; onClose: () => void; onDone: (deal: Deal) => void };

/** The modal; `deal` null keeps it closed. */
export function LoseModal({ deal, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const reasons = useQuery(lostReasonsQuery);
  const [reason, setReason] = useState<string | null>(null);
  const lose = useMutation({
    mutationFn: (input: { id: string; reason: string }) => loseDeal(input.id, input.reason),
    onSuccess: (lost) => {
      setReason(null);
      onDone(lost);
    },
  });
  const close = () => {
    lose.reset();
    setReason(null);
    onClose();
  };
  return (
    <Modal
      opened={deal !== null}
      onClose={close}
      title={t('sales.lose.title', { name: deal?.name ?? '' })}
      centered
    >
      <Stack gap="sm">
        <Select
          label={t('sales.lose.reason')}
          placeholder={t('sales.lose.pick')}
          data={(reasons.data ?? []).map((r) => ({ value: r.label, label: defaultText(r.label, t) }))}
          value={reason}
          onChange={setReason}
          searchable
          data-testid="lose-reason"
        />
        {lose.isError && <Alert color="red">{describeError(lose.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('sales.actions.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!deal || !reason}
            loading={lose.isPending}
            onClick={() => deal && reason && lose.mutate({ id: deal.id, reason })}
            data-testid="lose-confirm"
          >
            {t('sales.actions.lose')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
