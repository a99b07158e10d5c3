/**
 * The second row of the customer list's filters: intent tier chips with counts, who has the customer,
 * the value tier and the order. Each control writes one key of the address.
 */
import { Badge, Chip, CloseButton, Group, SegmentedControl, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { crmSettingsQuery, userDirectoryQuery } from '../../api/queries';
import type { CustomerSummary } from '../../api/types';
import type { CustomerListSearch } from './list-search';
import { chosenIntentTiers, INTENT_TIER_OPTIONS, type IntentTierOption } from './list-search';
import { intentColors } from '../tiers/tier-chip';

/** Changes one filter of the address; `undefined` removes it. */
export type SetFilter = <K extends keyof CustomerListSearch>(key: K, value: CustomerListSearch[K]) => void;

type Props = {
  search: CustomerListSearch;
  summary: CustomerSummary | undefined;
  setFilter: SetFilter;
};

/** The intent tier chips; several may be on at once, each with how many customers it would show. */
export function IntentTierChips({ search, summary, setFilter }: Props) {
  const { t } = useTranslation();
  const chosen = chosenIntentTiers(search);
  const choose = (values: string[]): void => {
    const kept = INTENT_TIER_OPTIONS.filter((option) => values.includes(option));
    setFilter('intentTier', kept.length > 0 ? kept.join(',') : undefined);
  };
  const label = (option: IntentTierOption): string => {
    const name = option === 'none' ? t('customers.noTier') : option;
    const count = summary?.byIntentTier[option];
    return count === undefined ? name : t('customers.kindCount', { label: name, count });
  };
  return (
    <Group
      gap={6}
      wrap="wrap"
      role="group"
      aria-label={t('customers.fields.intentTier')}
      data-testid="intent-filter"
    >
      <Chip.Group multiple value={chosen} onChange={choose}>
        {INTENT_TIER_OPTIONS.map((option) => (
          <Chip
            key={option}
            value={option}
            size="sm"
            color={option === 'none' ? 'gray' : intentColors[option]}
            variant="outline"
            title={t(`customers.intentTiers.${option}`)}
            wrapperProps={{ 'data-testid': `intent-chip-${option}` }}
          >
            {label(option)}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}

/** Owned, in a pool, or both; then whose, then which value tier, then the order. */
export function OwnershipFilters({ search, setFilter }: Omit<Props, 'summary'>) {
  const { t } = useTranslation();
  const users = useQuery(userDirectoryQuery);
  const settings = useQuery(crmSettingsQuery);
  const ownerOptions = [
    { value: 'me', label: t('customers.filters.ownerMe') },
    ...(users.data ?? []).map((user) => ({ value: user.id, label: user.name })),
  ];
  return (
    <Group gap="sm" wrap="wrap" align="flex-end" flex="1 1 auto">
      <SegmentedControl
        size="xs"
        value={search.ownership ?? 'all'}
        onChange={(value) =>
          setFilter('ownership', value === 'pool' || value === 'owned' ? value : undefined)
        }
        aria-label={t('customers.filters.ownership')}
        data-testid="ownership-filter"
        data={[
          { value: 'all', label: t('customers.filters.ownershipAll') },
          { value: 'owned', label: t('customers.filters.ownershipOwned') },
          { value: 'pool', label: t('customers.filters.ownershipPool') },
        ]}
      />
      <Select
        size="xs"
        flex={{ base: '1 1 150px', sm: '0 0 170px' }}
        placeholder={t('customers.filters.ownerAnyone')}
        aria-label={t('customers.fields.owner')}
        data={ownerOptions}
        value={search.ownerUserId ?? null}
        onChange={(value) => setFilter('ownerUserId', value ?? undefined)}
        searchable
        clearable
        nothingFoundMessage={t('customers.filters.nobody')}
        data-testid="owner-filter"
      />
      <Select
        size="xs"
        flex={{ base: '1 1 150px', sm: '0 0 160px' }}
        placeholder={t('customers.filters.valueTierAny')}
        aria-label={t('customers.fields.valueTier')}
        data={(settings.data?.valueTiers ?? []).map((tier) => ({ value: tier.code, label: tier.label }))}
        value={search.valueTier ?? null}
        onChange={(value) => setFilter('valueTier', value ?? undefined)}
        clearable
        data-testid="value-tier-filter"
      />
      <Select
        size="xs"
        flex={{ base: '1 1 150px', sm: '0 0 170px' }}
        aria-label={t('customers.filters.sort')}
        data={[
          { value: 'created', label: t('customers.filters.sortCreated') },
          { value: 'lastFollowUp', label: t('customers.filters.sortLastFollowUp') },
        ]}
        value={search.sort ?? 'created'}
        onChange={(value) => setFilter('sort', value === 'lastFollowUp' ? value : undefined)}
        allowDeselect={false}
        data-testid="sort-select"
      />
    </Group>
  );
}

/**
 * Filters that have no control of their own (they come from a saved view or a link: satisfaction,
 * persona, tag, a particular pool) as removable badges, so nothing narrows the list unseen.
 */
export function OtherFilterBadges({ search, setFilter }: Omit<Props, 'summary'>) {
  const { t } = useTranslation();
  const badges: { key: 'satisfactionTier' | 'persona' | 'tag' | 'poolId'; text: ReactNode }[] = [];
  if (search.satisfactionTier)
    badges.push({
      key: 'satisfactionTier',
      text: t('customers.filters.satisfaction', { value: search.satisfactionTier }),
    });
  if (search.persona)
    badges.push({
      key: 'persona',
      text: t('customers.filters.persona', { value: t(`tiers.personas.${search.persona}.name`) }),
    });
  if (search.tag) badges.push({ key: 'tag', text: t('customers.filters.tag', { value: search.tag }) });
  if (search.poolId) badges.push({ key: 'poolId', text: t('customers.filters.onePool') });
  if (badges.length === 0) return null;
  return (
    <Group gap={6}>
      {badges.map(({ key, text }) => (
        <Badge
          key={key}
          variant="light"
          color="gray"
          tt="none"
          pr={3}
          data-testid={`filter-badge-${key}`}
          rightSection={
            <CloseButton
              size="xs"
              aria-label={t('customers.filters.remove')}
              onClick={() => setFilter(key, undefined)}
            />
          }
        >
          {text}
        </Badge>
      ))}
    </Group>
  );
}
