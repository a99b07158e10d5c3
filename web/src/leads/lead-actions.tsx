/** A lead's status moves, its public form link and its conversion, as buttons with their dialogs. */
import {
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { useFormat } from '../shell/use-format';
import {
  LEAD_ERRORS,
  leadSettingsQuery,
  useConvertLead,
  useDisqualify,
  useLeadMove,
  useShareLead,
  type Lead,
} from './lead-api';

/** The keys a refused qualify names (409 `crm.lead.form_incomplete`). */
export function missingFieldsOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== LEAD_ERRORS.formIncomplete) return [];
  const fields = (error.problem as { missingFields?: unknown } | undefined)?.missingFields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}

/** The buttons that fit the lead's status. */
export function LeadActions({ lead, onMissing }: { lead: Lead; onMissing: (fields: string[]) => void }) {
  const { t } = useTranslation();
  const move = useLeadMove(lead.id);
  const [disqualifying, setDisqualifying] = useState(false);
  const open = lead.status === 'new' || lead.status === 'working';
  const run = (name: 'work' | 'qualify' | 'reopen') =>
    move.mutate(name, {
      onSuccess: () => onMissing([]),
      onError: (error) => onMissing(missingFieldsOf(error)),
    });
  if (lead.convertedAt) return null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {lead.status === 'new' ? (
          <Button
            variant="default"
            onClick={() => run('work')}
            loading={move.isPending}
            data-testid="lead-work"
          >
            {t('leads.actions.work')}
          </Button>
        ) : null}
        {open ? (
          <Button onClick={() => run('qualify')} loading={move.isPending} data-testid="lead-qualify">
            {t('leads.actions.qualify')}
          </Button>
        ) : null}
        {open ? (
          <Button
            variant="default"
            color="red"
            onClick={() => setDisqualifying(true)}
            data-testid="lead-disqualify"
          >
            {t('leads.actions.disqualify')}
          </Button>
        ) : null}
        {lead.status === 'disqualified' ? (
          <Button variant="default" onClick={() => run('reopen')} loading={move.isPending}>
            {t('leads.actions.reopen')}
          </Button>
        ) : null}
        {lead.status === 'qualified' ? <ConvertButton lead={lead} /> : null}
      </Group>
      {move.isError && !missingFieldsOf(move.error).length ? (
        <Alert color="red">{describeError(move.error)}</Alert>
      ) : null}
      {lead.formId && open ? <ShareLink lead={lead} /> : null}
      <DisqualifyModal lead={lead} opened={disqualifying} onClose={() => setDisqualifying(false)} />
    </Stack>
  );
}

/** Disqualify with a reason from the tenant's list. */
function DisqualifyModal({ lead, opened, onClose }: { lead: Lead; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useQuery({ ...leadSettingsQuery, enabled: opened });
  const disqualify = useDisqualify(lead.id);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.actions.disqualify')}>
      <Stack gap="sm">
        <Select
          label={t('leads.reason')}
          data={settings.data?.disqualifyReasons ?? []}
          value={reason}
          onChange={setReason}
          data-testid="disqualify-reason"
        />
        <Textarea label={t('leads.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {disqualify.isError ? <Alert color="red">{describeError(disqualify.error)}</Alert> : null}
        <Group justify="flex-end">
          <Button
            color="red"
            disabled={!reason}
            loading={disqualify.isPending}
            onClick={() =>
              reason &&
              disqualify.mutate(
                { reason, ...(note.trim() ? { note: note.trim() } : {}) },
                { onSuccess: onClose },
              )
            }
          >
            {t('leads.actions.disqualify')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Makes a public link to the form and shows it with a copy button. */
function ShareLink({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const share = useShareLead(lead.id);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          variant="light"
          onClick={() => share.mutate()}
          loading={share.isPending}
          data-testid="lead-share"
        >
          {t('leads.actions.share')}
        </Button>
      </Group>
      {share.data ? (
        <>
          <Group gap="xs" wrap="nowrap">
            <TextInput value={share.data.url} readOnly style={{ flex: 1 }} data-testid="share-url" />
            <CopyButton value={share.data.url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('leads.actions.copied') : t('leads.actions.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('leads.shareHint', { date: dateTime(share.data.expiresAt) })}
          </Text>
        </>
      ) : null}
      {share.isError ? <Alert color="red">{describeError(share.error)}</Alert> : null}
    </Stack>
  );
}

/** Converts a qualified lead; a likely duplicate offers to link the lead to one of the candidates. */
function ConvertButton({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const convert = useConvertLead(lead.id);
  const candidates =
    isApiError(convert.error, 409) &&
    Array.isArray((convert.error.problem as { candidateIds?: unknown })?.candidateIds)
      ? ((convert.error.problem as unknown as { candidateIds: string[] }).candidateIds ?? [])
      : [];
  return (
    <Stack gap="xs">
      <Button
        onClick={() => convert.mutate(undefined)}
        loading={convert.isPending}
        data-testid="lead-convert"
      >
        {t('leads.actions.convert')}
      </Button>
      {candidates.length ? (
        <Alert color="yellow" data-testid="convert-duplicates">
          <Text size="sm">{t('leads.duplicate')}</Text>
          {candidates.map((id) => (
            <Group key={id} gap="xs" mt={4}>
              <Text
                size="sm"
                renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: id }} />}
              >
                {id.slice(0, 8)}
              </Text>
              <Button size="xs" variant="light" onClick={() => convert.mutate(id)}>
                {t('leads.linkTo')}
              </Button>
            </Group>
          ))}
        </Alert>
      ) : convert.isError ? (
        <Alert color="red">{describeError(convert.error)}</Alert>
      ) : null}
    </Stack>
  );
}
