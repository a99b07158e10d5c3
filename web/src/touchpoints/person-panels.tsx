/** The cards of a CDP person's page: ids, CRM links, traits and trait history. */
import {
  Anchor,
  Badge,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityKind, Person } from '../../../src/modules/insights/timeline/timeline.contract';
import { describeError } from '../api/problem-text';
import { customerQuery } from '../api/queries';
import { contactQuery } from '../people/contact-queries';
import { useFormat } from '../shell/use-format';
import { traitValue } from './person-labels';
import { traitChangesQuery } from './touchpoint-queries';

const KIND_COLORS: Record<IdentityKind, string> = {
  user_id: 'teal',
  anonymous_id: 'gray',
  email: 'blue',
  phone: 'violet',
};

/** A titled card. */
export function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="lg" radius="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Every id the person is known by, as kind/value badges. */
export function IdentitiesPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('touchpoints.person.identities')} testId="person-identities">
      {person.identities.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('touchpoints.person.noIdentities')}
        </Text>
      ) : (
        <Group gap={6}>
          {person.identities.map((identity) => (
            <Badge
              key={`${identity.kind}:${identity.value}`}
              variant="light"
              color={KIND_COLORS[identity.kind]}
              tt="none"
              size="lg"
              radius="sm"
              maw="100%"
              data-testid="person-identity"
              data-kind={identity.kind}
            >
              <Text span size="xs" fw={700} mr={6}>
                {t(`touchpoints.identityKinds.${identity.kind}`)}
              </Text>
              <Text span size="xs" ff="monospace">
                {identity.value}
              </Text>
            </Badge>
          ))}
        </Group>
      )}
      {person.mergedPersonIds.length > 0 && (
        <Stack gap={4} data-testid="person-merged">
          <Text size="sm" fw={500}>
            {t('touchpoints.person.merged', { count: person.mergedPersonIds.length })}
          </Text>
          {person.mergedPersonIds.map((id) => (
            <Text key={id} size="xs" ff="monospace" c="dimmed">
              {id}
            </Text>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** The CRM contact and accounts the person is linked to, as links. */
export function CrmLinksPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('touchpoints.person.crm')} testId="person-crm">
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t('touchpoints.person.contact')}
        </Text>
        {person.crmPersonId ? (
          <ContactLink id={person.crmPersonId} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('touchpoints.person.noContact')}
          </Text>
        )}
      </Stack>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t('touchpoints.person.accounts')}
        </Text>
        {person.accounts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('touchpoints.person.noAccounts')}
          </Text>
        ) : (
          person.accounts.map((account) => (
            <Group key={account.customerId} gap="xs" wrap="nowrap">
              <AccountLink customerId={account.customerId} />
              {account.groupId && (
                <Tooltip label={t('touchpoints.fields.groupId')} withArrow>
                  <Badge variant="outline" color="gray" tt="none" size="sm">
                    {account.groupId}
                  </Badge>
                </Tooltip>
              )}
            </Group>
          ))
        )}
      </Stack>
    </Panel>
  );
}

/** The contact's name as a link; a contact the caller may not see still links by id. */
function ContactLink({ id }: { id: string }) {
  const contact = useQuery(contactQuery(id));
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/people/$id" params={{ id }} />}
      size="sm"
      fw={500}
      data-testid="person-contact-link"
    >
      {contact.data
        ? [contact.data.name, contact.data.title].filter(Boolean).join(' · ')
        : contact.isPending
          ? '…'
          : id}
    </Anchor>
  );
}

/** The account's name as a link. */
function AccountLink({ customerId }: { customerId: string }) {
  const customer = useQuery(customerQuery(customerId));
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/customers/$id" params={{ id: customerId }} />}
      size="sm"
      fw={500}
      data-testid="person-account-link"
    >
      {customer.data?.name ?? (customer.isPending ? '…' : customerId)}
    </Anchor>
  );
}

/** The person's traits as a two-column table. */
export function TraitsPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const entries = Object.entries(person.traits);
  return (
    <Panel title={t('touchpoints.person.traits')} testId="person-traits">
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('touchpoints.person.noTraits')}
        </Text>
      ) : (
        <Table withRowBorders verticalSpacing={6} layout="fixed">
          <Table.Tbody>
            {entries.map(([key, value]) => (
              <Table.Tr key={key} data-testid="person-trait" data-trait={key}>
                <Table.Td w="35%" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {key}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{traitValue(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

/** Every trait change, newest first: which trait, from what to what, and when. */
export function TraitHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery(traitChangesQuery(personId));
  if (history.isPending) {
    return (
      <Center p="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  if (history.isError) return <Text c="red">{describeError(history.error)}</Text>;
  if (history.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="trait-history-empty">
        {t('touchpoints.person.noHistory')}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing="sm" data-testid="trait-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('touchpoints.person.trait')}</Table.Th>
              <Table.Th>{t('touchpoints.person.oldValue')}</Table.Th>
              <Table.Th>{t('touchpoints.person.newValue')}</Table.Th>
              <Table.Th>{t('touchpoints.person.changedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.items.map((change, index) => (
              <Table.Tr key={`${change.changedAt}-${change.trait}-${index}`} data-testid="trait-change">
                <Table.Td fw={500}>{change.trait}</Table.Td>
                <Table.Td c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {traitValue(change.oldValue)}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{traitValue(change.newValue)}</Table.Td>
                <Table.Td>{format.dateTime(change.changedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
