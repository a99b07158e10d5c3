/**
 * The buying committee of an account as a map: lanes for who decides, who buys and manages, who uses,
 * and others; a dashed warning slot wherever a key role is still unknown. Consumers buy for
 * themselves, so their page shows no map (the API still accepts members for every kind).
 */
import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerQuery, meQuery } from '../../api/queries';
import type { CommitteeMember, KeyRole } from '../../../../src/modules/crm/contact/contact.contract';
import { CommitteeLane } from '../committee/committee-lane';
import { toLanes } from '../committee/committee-lanes';
import { describeCommitteeError } from '../committee/committee-errors';
import { committeeQuery } from '../committee/committee-queries';
import { MemberModal, type MemberModalTarget } from '../committee/member-modal';
import { RemoveMemberModal } from '../committee/remove-member-modal';

const KEY_ROLE_COUNT: number = (['decision_maker', 'manager', 'user', 'procurement'] satisfies KeyRole[])
  .length;

/** May the signed-in user change this account's committee? Pool accounts wait until claimed. */
function useCanEdit(customerId: string): boolean {
  const me = useQuery(meQuery);
  const customer = useQuery(customerQuery(customerId));
  if (!me.data || !customer.data) return false;
  return (
    me.data.permissions.includes('customers.write') && (!customer.data.poolId || me.data.scope === 'all')
  );
}

/** The buying committee of an account as a map: who uses, who buys, who decides. */
export function CommitteeMap({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const customer = useQuery(customerQuery(customerId));
  const committee = useQuery(committeeQuery(customerId));
  const canEdit = useCanEdit(customerId);
  const [target, setTarget] = useState<MemberModalTarget | null>(null);
  const [removing, setRemoving] = useState<CommitteeMember | null>(null);

  if (customer.data?.kind === 'consumer') return null;
  const data = committee.data;
  const known = data ? KEY_ROLE_COUNT - data.missingRoles.length : 0;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="committee-map">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={4}>{t('committee.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('committee.subtitle')}
            </Text>
          </div>
          {canEdit && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setTarget({ mode: 'add', role: data?.missingRoles[0] ?? 'user' })}
              data-testid="committee-add"
            >
              + {t('committee.add')}
            </Button>
          )}
        </Group>
        {data && (
          <Group gap="xs" data-testid="committee-coverage">
            <Badge variant="light" color={known === KEY_ROLE_COUNT ? 'teal' : 'orange'} tt="none" size="lg">
              {t('committee.coverage', { known, total: KEY_ROLE_COUNT })}
            </Badge>
            <Badge
              variant={data.decisionMakerKnown ? 'light' : 'filled'}
              color={data.decisionMakerKnown ? 'teal' : 'orange'}
              tt="none"
              size="lg"
              data-testid="committee-decision-maker"
            >
              {data.decisionMakerKnown
                ? t('committee.decisionMakerKnown')
                : t('committee.decisionMakerUnknown')}
            </Badge>
          </Group>
        )}
        {customer.data?.poolId && !canEdit && (
          <Text size="xs" c="dimmed">
            {t('committee.readOnly')}
          </Text>
        )}
        {committee.isPending ? (
          <Center p="lg">
            <Loader size="sm" />
          </Center>
        ) : committee.isError ? (
          <Alert color="red" title={t('committee.loadFailed')}>
            {describeCommitteeError(committee.error, t)}
          </Alert>
        ) : (
          // Lanes sit side by side while each can be ~210px wide, and stack on a phone.
          <SimpleGrid minColWidth={210} autoFlow="auto-fit" spacing="sm" verticalSpacing="sm">
            {toLanes(committee.data).map((view) => (
              <CommitteeLane
                key={view.lane}
                view={view}
                canEdit={canEdit}
                onAdd={(role) => setTarget({ mode: 'add', role })}
                onEdit={(member) => setTarget({ mode: 'edit', member })}
                onRemove={setRemoving}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <MemberModal
        customerId={customerId}
        target={target}
        memberIds={new Set(data?.members.map((member) => member.person.id) ?? [])}
        onClose={() => setTarget(null)}
      />
      <RemoveMemberModal customerId={customerId} member={removing} onClose={() => setRemoving(null)} />
    </Paper>
  );
}
