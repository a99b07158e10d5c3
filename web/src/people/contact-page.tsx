/**
 * A CRM contact (people/$id): name, title, how to reach them, the accounts whose committees they sit
 * on, and their touchpoints across web, app, offline, sales and service.
 */
import {
  Alert,
  Anchor,
  Badge,
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
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ContactWithAccounts } from '../../../src/modules/crm/contact/contact.contract';
import { isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { STANCE_COLORS } from '../customers/committee/member-card';
import { KindBadge } from '../customers/kind-badge';
import { BackToCustomers } from '../shell/back-link';
import { MissingRecord } from '../shell/fallback-views';
import { usePageTitle } from '../shell/use-page-title';
import { TouchpointTimeline } from '../touchpoints/touchpoint-timeline';
import { eventsPath } from '../touchpoints/touchpoint-queries';
import { contactQuery } from './contact-queries';

const route = getRouteApi('/app/people/$id');

/** The page at /people/$id. */
export function ContactPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const contact = useQuery(contactQuery(id));
  const canReadTouchpoints = useCan('touchpoints.read');
  usePageTitle(contact.data?.name ?? t('contact.title'));

  let content;
  if (contact.isPending) {
    content = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (contact.isError) {
    content =
      isApiError(contact.error, 404) || isApiError(contact.error, 400) ? (
        <MissingRecord
          title={t('contact.notFoundTitle')}
          text={t('contact.notFound')}
          testId="contact-not-found"
        />
      ) : (
        <Alert color="red">{describeError(contact.error)}</Alert>
      );
  } else {
    content = (
      <Stack gap="md" data-testid="contact-detail">
        <ContactCard contact={contact.data} />
        <AccountsCard contact={contact.data} />
        {canReadTouchpoints && <TouchpointTimeline path={eventsPath.contact(contact.data.id)} />}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <BackToCustomers />
      {content}
    </Stack>
  );
}

/** Name and title, then the ways to reach the contact. */
function ContactCard({ contact }: { contact: ContactWithAccounts }) {
  const { t } = useTranslation();
  const fields: [string, string | null, string?][] = [
    [t('contact.phone'), contact.phone, contact.phone ? `tel:${contact.phone}` : undefined],
    [t('contact.email'), contact.email, contact.email ? `mailto:${contact.email}` : undefined],
    [t('contact.wechatId'), contact.wechatId],
    [t('contact.externalId'), contact.externalId],
  ];
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <div>
          <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="contact-name">
            {contact.name}
          </Title>
          {contact.title && (
            <Text c="dimmed" data-testid="contact-title">
              {contact.title}
            </Text>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          {fields.map(([label, value, href]) => (
            <Stack key={label} gap={2}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              {value === null ? (
                <Text size="sm">—</Text>
              ) : href ? (
                <Anchor href={href} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {value}
                </Anchor>
              ) : (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {value}
                </Text>
              )}
            </Stack>
          ))}
        </SimpleGrid>
        {contact.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {contact.notes}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The accounts whose buying committees the contact sits on, with their role and stance there. */
function AccountsCard({ contact }: { contact: ContactWithAccounts }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="contact-accounts">
      <Stack gap="sm">
        <Title order={4}>{t('contact.accounts')}</Title>
        {contact.accounts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('contact.noAccounts')}
          </Text>
        ) : (
          contact.accounts.map((account) => (
            <Group key={account.customerId} gap="xs" wrap="wrap" data-testid="contact-account">
              <Anchor
                renderRoot={(props) => (
                  <Link {...props} to="/customers/$id" params={{ id: account.customerId }} />
                )}
                fw={500}
                size="sm"
              >
                {account.customerName}
              </Anchor>
              <KindBadge kind={account.customerKind} />
              <Badge variant="outline" color="gray" tt="none" size="sm">
                {t(`committee.roles.${account.role}`)}
              </Badge>
              <Badge variant="light" color={STANCE_COLORS[account.stance]} tt="none" size="sm">
                {t(`committee.stances.${account.stance}`)}
              </Badge>
              {account.isPrimary && (
                <Badge variant="light" color="yellow" tt="none" size="sm">
                  {t('committee.primary')}
                </Badge>
              )}
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  );
}
