/**
 * Insights → Persons (用户画像): everyone Kehu has seen through its sources, last seen first, with a
 * search over user ids, other ids, names and emails; the search lives in the address.
 */
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../src/modules/insights/timeline/timeline.contract';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { useRelativeTime } from '../customers/list/relative-time';
import { SearchIcon } from '../shell/icons';
import { useFormat } from '../shell/use-format';
import { usePageTitle } from '../shell/use-page-title';
import { personName, traitText } from './person-labels';
import { personsQuery } from './touchpoint-queries';

const route = getRouteApi('/app/insights/persons');

/** The search parameters of the Persons page. */
export type PersonsSearch = { q?: string };

/** Reads `?q=` from the address; anything else is dropped. */
export function parsePersonsSearch(search: Record<string, unknown>): PersonsSearch {
  return typeof search.q === 'string' && search.q.trim() !== '' ? { q: search.q.trim() } : {};
}

/** The search box's text, written to the address once the user pauses typing. */
function useSearchText(): [string, (text: string) => void] {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const applied = useRef(debounced);
  useEffect(() => {
    if (applied.current === debounced) return;
    applied.current = debounced;
    void navigate({ search: { q: debounced || undefined }, replace: true });
  }, [debounced, navigate]);
  return [text, setText];
}

/** The page at /insights/persons. */
export function PersonsPage() {
  const { t } = useTranslation();
  usePageTitle(t('touchpoints.persons.title'));
  const canRead = useCan('touchpoints.read');
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2}>{t('touchpoints.persons.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('touchpoints.persons.intro')}
        </Text>
      </Stack>
      {canRead ? (
        <PersonList />
      ) : (
        <Alert color="gray" data-testid="persons-forbidden">
          {t('touchpoints.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}

function PersonList() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const [text, setText] = useSearchText();
  const list = useInfiniteQuery({ ...personsQuery(search.q ?? ''), placeholderData: keepPreviousData });
  const persons = list.data?.pages.flatMap((page) => page.items) ?? [];
  let body;
  if (list.isPending) {
    body = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (list.isError) {
    body = (
      <Alert color="red" m="md">
        {describeError(list.error)}
      </Alert>
    );
  } else if (persons.length === 0) {
    body = (
      <Text c="dimmed" p="xl" ta="center" data-testid="persons-empty">
        {search.q ? t('touchpoints.persons.emptySearch') : t('touchpoints.persons.empty')}
      </Text>
    );
  } else {
    body = <PersonTable persons={persons} />;
  }
  return (
    <>
      <TextInput
        leftSection={<SearchIcon size={16} />}
        placeholder={t('touchpoints.persons.search')}
        aria-label={t('touchpoints.persons.search')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        maw={420}
        data-testid="persons-search"
      />
      <Paper withBorder radius="md" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
        {body}
      </Paper>
      {persons.length > 0 && (
        <Group justify="center" gap="md">
          {list.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              data-testid="persons-load-more"
            >
              {t('touchpoints.persons.loadMore')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('touchpoints.persons.allLoaded', { count: persons.length })}
            </Text>
          )}
        </Group>
      )}
    </>
  );
}

function PersonTable({ persons }: { persons: PersonSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="persons-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('touchpoints.persons.name')}</Table.Th>
            <Table.Th>{t('touchpoints.fields.email')}</Table.Th>
            <Table.Th>{t('touchpoints.fields.userId')}</Table.Th>
            <Table.Th>{t('touchpoints.persons.accounts')}</Table.Th>
            <Table.Th>{t('touchpoints.persons.lastSeen')}</Table.Th>
            <Table.Th>{t('touchpoints.persons.firstSeen')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.map((person) => (
            <PersonRow key={person.id} person={person} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PersonRow({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const relative = useRelativeTime();
  const name = personName(person);
  return (
    <Table.Tr data-testid="person-row" data-person-id={person.id}>
      <Table.Td>
        <Anchor
          renderRoot={(props) => <Link {...props} to="/insights/persons/$id" params={{ id: person.id }} />}
          fw={500}
          size="sm"
          c={name ? undefined : 'dimmed'}
          data-testid="person-link"
        >
          {name ?? t('touchpoints.persons.anonymous')}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{traitText(person.traits, 'email') ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {person.userId ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>{person.accounts.length || '—'}</Table.Td>
      <Table.Td>
        <Tooltip label={format.dateTime(person.lastSeenAt)} withArrow>
          <Text size="sm" span>
            {relative(person.lastSeenAt)}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {format.date(person.firstSeenAt)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
