/**
 * Assigns one or several customers to a user (managers and admins): from a pool that is an
 * assignment, from another owner a transfer. Several at once answer per customer, shown before closing.
 */
import { Alert, Button, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userDirectoryQuery } from '../api/queries';
import { assignCustomer, assignCustomers, useRefreshCustomers, type BulkAssignResult } from './pool-api';
import { useBulkFailureText, usePoolErrorText } from './pool-errors';

/** What the dialog needs to know about each customer. */
export type AssignTarget = { id: string; name: string; ownerUserId: string | null };

/** The dialog; open while `targets` is not empty. */
export function AssignModal({
  targets,
  onClose,
  onDone,
}: {
  targets: AssignTarget[];
  onClose: () => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const opened = targets.length > 0;
  const single = targets.length === 1 ? targets[0] : undefined;
  const title = single
    ? single.ownerUserId
      ? t('pools.ownership.transferTitle')
      : t('pools.ownership.assignTitle')
    : t('pools.ownership.assignManyTitle', { count: targets.length });
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {/* Keyed by the targets so each opening starts with an empty form. */}
      {opened && (
        <AssignForm
          key={targets.map((x) => x.id).join()}
          targets={targets}
          onClose={onClose}
          onDone={onDone}
        />
      )}
    </Modal>
  );
}

function AssignForm({
  targets,
  onClose,
  onDone,
}: {
  targets: AssignTarget[];
  onClose: () => void;
  onDone: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const users = useQuery(userDirectoryQuery);
  const refresh = useRefreshCustomers();
  const errorText = usePoolErrorText();
  const [userId, setUserId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [report, setReport] = useState<BulkAssignResult | null>(null);
  const single = targets.length === 1 ? targets[0] : undefined;
  const assign = useMutation({
    mutationFn: async (to: string) => {
      const reason = note.trim() || undefined;
      if (single) {
        await assignCustomer(single.id, { userId: to, reason });
        return null;
      }
      return assignCustomers({ customerIds: targets.map((x) => x.id), userId: to, reason });
    },
    onSuccess: async (result) => {
      await refresh();
      onDone?.();
      if (result && result.failed.length > 0) setReport(result);
      else onClose();
    },
  });
  if (report) return <BulkReport report={report} targets={targets} onClose={onClose} />;
  const submit = (): void => {
    if (!userId) return setMissing(true);
    assign.mutate(userId);
  };
  const choices = (users.data ?? [])
    .filter((user) => user.id !== single?.ownerUserId)
    .map((user) => ({ value: user.id, label: user.name }));
  return (
    <Stack gap="md" data-testid="assign-dialog">
      {single && <Text size="sm">{single.name}</Text>}
      <Select
        label={t('pools.ownership.assignee')}
        placeholder={t('pools.ownership.assigneePlaceholder')}
        data={choices}
        value={userId}
        onChange={(value) => {
          setUserId(value);
          setMissing(false);
        }}
        searchable
        nothingFoundMessage={t('pools.ownership.nobodyFound')}
        error={missing ? t('pools.ownership.assigneeRequired') : undefined}
        comboboxProps={{ withinPortal: true }}
        data-testid="assignee-select"
      />
      <Textarea
        label={t('pools.ownership.note')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={500}
      />
      {assign.isError && (
        <Alert color="red" data-testid="assign-error">
          {errorText(assign.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('pools.ownership.cancel')}
        </Button>
        <Button onClick={submit} loading={assign.isPending} data-testid="confirm-assign">
          {t('pools.ownership.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The per-customer answer of a bulk assignment that did not move everyone. */
function BulkReport({
  report,
  targets,
  onClose,
}: {
  report: BulkAssignResult;
  targets: AssignTarget[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const failureText = useBulkFailureText();
  const nameOf = (id: string): string => targets.find((x) => x.id === id)?.name ?? id;
  return (
    <Stack gap="md" data-testid="assign-report">
      <Text size="sm">
        {t('pools.ownership.bulkResult', { moved: report.moved.length, failed: report.failed.length })}
      </Text>
      <List size="sm" spacing={4}>
        {report.failed.map((failure) => (
          <List.Item key={failure.id}>
            <Text span fw={500} size="sm">
              {nameOf(failure.id)}
            </Text>
            {': '}
            {failureText(failure)}
          </List.Item>
        ))}
      </List>
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('pools.ownership.close')}</Button>
      </Group>
    </Stack>
  );
}
