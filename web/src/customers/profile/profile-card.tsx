/**
 * The customer's profile: what its kind has, contact and origin, the qualification facts the tier
 * rules read (budget, need, objection, refusal), and the tenant's custom fields; with "Edit".
 */
import { Badge, Button, Group, Paper, SimpleGrid, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { crmSettingsQuery } from '../../api/queries';
import {
  AGENCY_LEVELS,
  BUSINESS_SIZES,
  CONSUMER_MOTIVES,
  PROCUREMENT_MODES,
  type Customer,
  type CustomFieldDef,
} from '../../api/types';
import { useCan, useMe } from '../../auth/use-me';
import { sourceLabel } from '../../leads/lead-source';
import { useFormat } from '../../shell/use-format';
import { appliesTo } from '../customer-draft';
import { EditCustomerModal } from './edit-customer-modal';
import { Field } from './field';
import { useCustomerLabels } from './use-customer-labels';

/** The profile in three or four panels; "Edit" opens the dialog for users who may write. */
export function ProfileCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const canWrite = useCan('customers.write');
  const me = useMe();
  const [editing, { open, close }] = useDisclosure(false);
  // The server refuses edits of a pooled customer except to users who see everything.
  const pooled = customer.poolId !== null && me.scope !== 'all';
  return (
    <>
      <Paper withBorder p="lg" radius="md" data-testid="profile-card">
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Title order={4}>{t('customers.profileTitle')}</Title>
          {canWrite && (
            <Tooltip label={t('customers.edit.claimFirst')} disabled={!pooled}>
              <Button variant="light" size="xs" onClick={open} disabled={pooled} data-testid="edit-customer">
                {t('customers.edit.button')}
              </Button>
            </Tooltip>
          )}
        </Group>
        <KindFields customer={customer} />
        <Section title={t('customers.detailsTitle')}>
          <DetailFields customer={customer} />
        </Section>
        <Section title={t('customers.qualification.title')}>
          <QualificationFacts customer={customer} />
        </Section>
        <CustomFieldValues customer={customer} />
      </Paper>
      <EditCustomerModal customer={customer} opened={editing} onClose={close} />
    </>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <Text fw={600} size="sm" mt="lg" mb="sm" data-testid={testId}>
        {title}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
        {children}
      </SimpleGrid>
    </>
  );
}

/** The translated label of `value` when it is one of `list`; an unknown value as it is; null as null. */
function option<T extends string>(
  list: readonly T[],
  value: string | null,
  label: (known: T) => string,
): string | null {
  const known = list.find((item) => item === value);
  return known ? label(known) : value;
}

function KindFields({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <div data-testid="kind-fields">
      <Text fw={600} size="sm" mb="sm">
        {t('customers.kindDetails', { kind: t(`kinds.${customer.kind}`) })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
        {customer.kind === 'business' && (
          <>
            <Field label={t('customers.fields.industry')} testId="field-industry">
              {customer.industry}
            </Field>
            <Field label={t('customers.fields.size')} testId="field-size">
              {option(BUSINESS_SIZES, customer.size, (v) => t(`customers.sizes.${v}`))}
            </Field>
            <Field label={t('customers.fields.uscc')} testId="field-uscc">
              {customer.uscc ? (
                <Text ff="monospace" size="sm">
                  {customer.uscc}
                </Text>
              ) : null}
            </Field>
          </>
        )}
        {customer.kind === 'government' && (
          <>
            <Field label={t('customers.fields.agencyLevel')} testId="field-agency-level">
              {option(AGENCY_LEVELS, customer.agencyLevel, (v) => t(`agencyLevels.${v}`))}
            </Field>
            <Field label={t('customers.fields.procurementMode')} testId="field-procurement-mode">
              {option(PROCUREMENT_MODES, customer.procurementMode, (v) =>
                t(`customers.procurementModes.${v}`),
              )}
            </Field>
            <Field label={t('customers.fields.industry')} testId="field-industry">
              {customer.industry}
            </Field>
          </>
        )}
        {customer.kind === 'consumer' && (
          <>
            <Field label={t('customers.fields.wechatId')} testId="field-wechat">
              {customer.wechatId}
            </Field>
            <Field label={t('customers.fields.motive')} testId="field-motive">
              {option(CONSUMER_MOTIVES, customer.motive, (v) => t(`customers.motives.${v}`))}
            </Field>
          </>
        )}
      </SimpleGrid>
    </div>
  );
}

function DetailFields({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCustomerLabels();
  return (
    <>
      <Field label={t('customers.fields.phone')} testId="field-phone">
        {customer.phone}
      </Field>
      <Field label={t('customers.fields.email')} testId="field-email">
        {customer.email}
      </Field>
      <Field label={t('customers.fields.region')} testId="field-region">
        {customer.region}
      </Field>
      <Field label={t('customers.fields.tags')} testId="field-tags">
        {customer.tags.length > 0 ? (
          <Group gap={6}>
            {customer.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray" size="sm" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Field>
      <Field label={t('customers.fields.source')} testId="field-source">
        {customer.source && sourceLabel(t, customer.source)}
      </Field>
      <Field label={t('customers.fields.team')}>{customer.teamId && labels.team(customer.teamId)}</Field>
      <Field label={t('customers.fields.receivedAt')}>
        {customer.receivedAt && format.dateTime(customer.receivedAt)}
      </Field>
      <Field label={t('customers.fields.lastFollowUp')} testId="field-last-follow-up">
        {customer.lastFollowUpAt ? format.dateTime(customer.lastFollowUpAt) : t('customers.never')}
      </Field>
      <Field label={t('customers.fields.created')}>{format.dateTime(customer.createdAt)}</Field>
      <Field label={t('customers.fields.updated')}>{format.dateTime(customer.updatedAt)}</Field>
      <Field label={t('customers.fields.externalId')}>{customer.externalId}</Field>
      <Field label={t('customers.fields.id')}>
        <Text ff="monospace" size="xs">
          {customer.id}
        </Text>
      </Field>
    </>
  );
}

/** The facts the tier rules read, in words: "Budget confirmed", "No need now", the objection's text. */
function QualificationFacts({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean): string => (value ? t('customers.yes') : t('customers.no'));
  return (
    <>
      <Field label={t('customers.qualification.budget')} testId="field-budget">
        {t(`customers.budgetStates.${customer.budget}`)}
      </Field>
      <Field label={t('customers.qualification.need')} testId="field-need">
        {t(`customers.needStates.${customer.need}`)}
      </Field>
      <Field label={t('customers.qualification.objection')} testId="field-objection">
        {customer.objection && (
          <Text size="sm" fs="italic">
            “{customer.objection}”
          </Text>
        )}
      </Field>
      <Field label={t('customers.qualification.refused')} testId="field-refused">
        {customer.refused ? (
          <Badge color="red" variant="light" size="sm">
            {t('customers.qualification.refusedYes')}
          </Badge>
        ) : (
          yesNo(false)
        )}
      </Field>
      <Field label={t('customers.qualification.dealState')} testId="field-deal-state">
        {t(`customers.dealStates.${customer.dealState}`)}
      </Field>
      <Field label={t('customers.qualification.locked')} testId="field-locked">
        {yesNo(customer.locked)}
      </Field>
    </>
  );
}

/** The tenant's custom fields for this kind, with values shown by their type. */
function CustomFieldValues({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const settings = useQuery(crmSettingsQuery);
  const format = useFormat();
  const defs = (settings.data?.customFields ?? []).filter((def) => appliesTo(def, customer.kind));
  if (defs.length === 0) return null;
  const show = (def: CustomFieldDef): ReactNode => {
    const value = customer.customFields[def.key];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'boolean') return value ? t('customers.yes') : t('customers.no');
    if (def.type === 'date' && typeof value === 'string') return format.date(`${value}T00:00:00`);
    return String(value);
  };
  return (
    <Section title={t('customers.customFieldsTitle')} testId="custom-fields">
      {defs.map((def) => (
        <Field key={def.key} label={def.label} testId={`field-custom-${def.key}`}>
          {show(def)}
        </Field>
      ))}
    </Section>
  );
}
