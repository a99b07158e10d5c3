/** "New deal": customer, name, pipeline (the customer kind's default when left empty) and lines. */
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrors } from '../api/problem-text';
import { CustomerSelect } from './customer-select';
import { LinesEditor, linesInput, type DraftLine } from './lines-editor';
import { createDeal, pipelinesQuery } from './sales-queries';
import { defaultText } from './default-names';

type Props = {
  opened: boolean;
  onClose: () => void;
  /** A customer chosen beforehand, e.g. on the customer page. */
  customer?: { id: string; name: string };
  pipelineId?: string;
};

/** The modal; on success it opens the new deal's page. */
export function NewDealModal({ opened, onClose, customer, pipelineId }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pipelines = useQuery(pipelinesQuery);
  const [customerId, setCustomerId] = useState<string | null>(customer?.id ?? null);
  const [name, setName] = useState('');
  const [pipeline, setPipeline] = useState<string | null>(pipelineId ?? null);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const create = useMutation({
    mutationFn: createDeal,
    onSuccess: async (deal) => {
      await queryClient.invalidateQueries({ queryKey: ['sales'] });
      setName('');
      setLines([]);
      onClose();
      await navigate({ to: '/sales/deals/$id', params: { id: deal.id } });
    },
  });
  const fields = create.isError ? fieldErrors(create.error) : {};
  const submit = () => {
    if (!customerId) return;
    create.mutate({
      customerId,
      name,
      ...(pipeline ? { pipelineId: pipeline } : {}),
      lines: linesInput(lines),
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.newDeal.title')} size="xl" centered>
      <Stack gap="sm">
        <CustomerSelect value={customerId} onChange={setCustomerId} fixedName={customer?.name} />
        <TextInput
          label={t('sales.newDeal.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fields.name}
          data-testid="deal-name"
        />
        <Select
          label={t('sales.newDeal.pipeline')}
          placeholder={t('sales.newDeal.defaultPipeline')}
          clearable
          data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: defaultText(p.name, t) }))}
          value={pipeline}
          onChange={setPipeline}
        />
        <LinesEditor value={lines} onChange={setLines} />
        {create.isError && <Alert color="red">{describeError(create.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sales.actions.cancel')}
          </Button>
          <Button
            onClick={submit}
            disabled={!customerId || name.trim() === ''}
            loading={create.isPending}
            data-testid="deal-create"
          >
            {t('sales.newDeal.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
