/**
 * One CDP person (insights/persons/$id): who they are by their ids and traits, the CRM contact and
 * accounts they are linked to, the persons merged into them, and their touchpoints and trait history.
 * `$id` may be a person id or any id the person is known by, so a userId makes a working address too.
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
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src/modules/insights/timeline/timeline.contract';
import { isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { MissingRecord } from '../shell/fallback-views';
import { BackIcon } from '../shell/icons';
import { useFormat } from '../shell/use-format';
import { usePageTitle } from '../shell/use-page-title';
import { personName, traitText } from './person-labels';
import { CrmLinksPanel, IdentitiesPanel, TraitHistory, TraitsPanel } from './person-panels';
import { TouchpointTimeline } from './touchpoint-timeline';
import { eventsPath, personQuery } from './touchpoint-queries';

const route = getRouteApi('/app/insights/persons/$id');

/** Links back to the Persons page. */
function BackToPersons() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/insights/persons" size="sm" data-testid="back-to-persons">
      <Group gap={4} component="span">
        <BackIcon size={14} />
        {t('touchpoints.persons.back')}
      </Group>
    </Anchor>
  );
}

/** The page at /insights/persons/$id. */
export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const canRead = useCan('touchpoints.read');
  const person = useQuery({ ...personQuery(id), enabled: canRead });
  const name = person.data ? personName(person.data) : null;
  usePageTitle(name ?? t('touchpoints.persons.title'));

  let content;
  if (!canRead) {
    content = <Alert color="gray">{t('touchpoints.forbidden')}</Alert>;
  } else if (person.isPending) {
    content = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (person.isError) {
    content =
      isApiError(person.error, 404) || isApiError(person.error, 400) ? (
        <MissingRecord
          title={t('touchpoints.person.notFoundTitle')}
          text={t('touchpoints.person.notFound')}
          testId="person-not-found"
        />
      ) : (
        <Alert color="red">{describeError(person.error)}</Alert>
      );
  } else {
    content = <PersonView person={person.data} />;
  }
  return (
    <Stack gap="md">
      <BackToPersons />
      {content}
    </Stack>
  );
}

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="person-detail" data-person-id={person.id}>
      <PersonHeader person={person} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <IdentitiesPanel person={person} />
          <CrmLinksPanel person={person} />
        </Stack>
        <TraitsPanel person={person} />
      </SimpleGrid>
      <Tabs defaultValue="touchpoints" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="touchpoints" data-testid="person-tab-touchpoints">
            {t('touchpoints.timeline.title')}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="person-tab-history">
            {t('touchpoints.person.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="touchpoints" pt="md">
          {/* The survivor's id: merged persons' events are read with it. */}
          <TouchpointTimeline path={eventsPath.person(person.id)} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <TraitHistory personId={person.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Name, email and user id, and when the person was first and last seen. */
function PersonHeader({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = personName(person);
  const email = traitText(person.traits, 'email');
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap" align="center">
          <Title
            order={2}
            c={name ? undefined : 'dimmed'}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="person-name"
          >
            {name ?? t('touchpoints.persons.anonymous')}
          </Title>
          {person.userId ? (
            <Badge variant="light" color="teal" tt="none" data-testid="person-user-id">
              {t('touchpoints.fields.userId')}: {person.userId}
            </Badge>
          ) : (
            <Badge variant="light" color="gray" tt="none">
              {t('touchpoints.person.anonymousBadge')}
            </Badge>
          )}
        </Group>
        {email && email !== name && <Text size="sm">{email}</Text>}
        <Text size="sm" c="dimmed">
          {t('touchpoints.person.seen', {
            first: format.dateTime(person.firstSeenAt),
            last: format.dateTime(person.lastSeenAt),
          })}
        </Text>
      </Stack>
    </Paper>
  );
}
