/**
 * What the create form shows when the server answers 409 `crm.customer.duplicate`: the customers
 * that look the same, which keys they share, and a way to create the new one anyway.
 */
import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { DuplicateCandidate } from '../../api/types';
import { matchLabelKey } from '../duplicate-match';
import { KindBadge } from '../kind-badge';
import { OwnerLabel } from '../list/owner-label';
import { useCustomerLabels } from './use-customer-labels';
import { CUSTOMER_ERRORS } from '../../../../src/modules/crm/customer/customer.contract';

/** The candidates of a duplicate refusal, or null when `error` is something else. */
export function duplicateCandidatesOf(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error, 409) || error.code !== CUSTOMER_ERRORS.duplicate) return null;
  // The problem body carries the refusal's details beside the standard members.
  const body = error.problem as { candidates?: DuplicateCandidate[] } | undefined;
  return body?.candidates ?? [];
}

type Props = {
  candidates: DuplicateCandidate[];
  /** The name being created, to tell a same name from a similar one. */
  name: string;
  onCreateAnyway: () => void;
  pending: boolean;
};

/** The warning with one line per candidate (opening in a new tab, so the form keeps its text). */
export function DuplicateCandidates({ candidates, name, onCreateAnyway, pending }: Props) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  return (
    <Alert color="orange" title={t('customerForm.duplicateTitle')} data-testid="duplicate-candidates">
      <Stack gap="sm">
        <Text size="sm">{t('customerForm.duplicateIntro', { count: candidates.length })}</Text>
        {candidates.map((candidate) => (
          <Group key={candidate.id} gap="xs" wrap="wrap" data-testid="duplicate-candidate">
            <Anchor
              renderRoot={(props) => (
                <Link {...props} to="/customers/$id" params={{ id: candidate.id }} target="_blank" />
              )}
              fw={500}
              size="sm"
            >
              {candidate.name}
            </Anchor>
            <KindBadge kind={candidate.kind} />
            {candidate.matchedOn.map((key) => (
              <Badge key={key} size="sm" color="orange" variant="outline" tt="none">
                {t(`customerForm.matchedOn.${matchLabelKey(key, name, candidate.name)}`)}
              </Badge>
            ))}
            <OwnerLabel customer={candidate} labels={labels} size="xs" />
          </Group>
        ))}
        <Group gap="sm">
          <Button
            color="orange"
            size="xs"
            onClick={onCreateAnyway}
            loading={pending}
            data-testid="create-anyway"
          >
            {t('customerForm.createAnyway')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('customerForm.createAnywayHint')}
          </Text>
        </Group>
      </Stack>
    </Alert>
  );
}
