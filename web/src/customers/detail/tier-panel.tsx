/** The customer's tiers, the rule's suggestion with its reasons, and the persona's guideline. */
import { Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { useCan, useMe } from '../../auth/use-me';
import type { CustomerTiers, TierDimension } from '../../../../src/modules/crm/tier/tier.contract';
import { SetTierModal } from '../tiers/set-tier-modal';
import { SuggestionBox } from '../tiers/suggestion-box';
import { TierGuidance } from '../tiers/tier-guidance';
import { TierChip } from '../tiers/tier-chip';
import { describeTierError } from '../tiers/tier-errors';
import { customerTiersQuery } from '../tiers/tier-queries';
import { TIER_DIMENSIONS } from '../tiers/tier-texts';

/** Whether the user may change this customer's tiers, and if not, why not (null: no need to say). */
function useEditable(customer: Customer): { canEdit: boolean; why: string | null } {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = useCan('customers.write');
  if (!canWrite) return { canEdit: false, why: t('tiers.readOnly.noPermission') };
  if (customer.poolId && me.scope !== 'all') return { canEdit: false, why: t('tiers.readOnly.inPool') };
  return { canEdit: true, why: null };
}

/** The customer's tiers, the rule's suggestion with its reasons, and the persona's guideline. */
export function TierPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const tiers = useQuery(customerTiersQuery(customer.id));
  const { canEdit, why } = useEditable(customer);
  const [editing, setEditing] = useState<TierDimension | null>(null);
  return (
    <Paper withBorder p="lg" radius="md" data-testid="tier-panel">
      <Title order={4} mb="md">
        {t('tiers.title')}
      </Title>
      {tiers.isPending ? (
        <Loader size="sm" />
      ) : tiers.isError ? (
        <Text c="red">{describeTierError(tiers.error, t)}</Text>
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            {TIER_DIMENSIONS.map((dimension) => (
              <DimensionCell
                key={dimension}
                dimension={dimension}
                tiers={tiers.data}
                canEdit={canEdit}
                onSet={() => setEditing(dimension)}
              />
            ))}
          </SimpleGrid>
          <SuggestionBox
            customerId={customer.id}
            tiers={tiers.data}
            canEdit={canEdit}
            onSetByHand={() => setEditing('intent')}
          />
          {why && (
            <Text size="sm" c="dimmed" data-testid="tier-read-only">
              {why}
            </Text>
          )}
          <TierGuidance intent={tiers.data.intent} persona={tiers.data.persona} />
          <SetTierModal
            customerId={customer.id}
            tiers={tiers.data}
            dimension={editing}
            onClose={() => setEditing(null)}
          />
        </Stack>
      )}
    </Paper>
  );
}

/** One dimension: its name, its chip (or "not set") and the button to set it by hand. */
function DimensionCell({
  dimension,
  tiers,
  canEdit,
  onSet,
}: {
  dimension: TierDimension;
  tiers: CustomerTiers;
  canEdit: boolean;
  onSet: () => void;
}) {
  const { t } = useTranslation();
  const tier = tiers[dimension];
  return (
    <Stack gap={4} align="flex-start" data-testid={`tier-${dimension}`}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {t(`tiers.dimensions.${dimension}`)}
      </Text>
      <Group gap={6} wrap="nowrap">
        {tier === null ? (
          <Text size="sm" c="dimmed">
            {t('tiers.notSet')}
          </Text>
        ) : (
          <TierChip dimension={dimension} tier={tier} size="md" />
        )}
        {canEdit && (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={onSet}
            aria-label={t('tiers.set.title', { dimension: t(`tiers.dimensions.${dimension}`) })}
            data-testid={`set-tier-${dimension}`}
          >
            {t('tiers.set.button')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
