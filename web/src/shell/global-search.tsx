/**
 * The header's search box: a button (and Ctrl/⌘+K or "/") opens a dialog that searches customers,
 * contacts, persons, leads and outbound orders at once (`GET /api/search`), grouped by type; arrow
 * keys move, Enter opens, Esc closes.
 */
import { Button, Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys } from '@mantine/hooks';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlobalSearchResult, SearchHit } from '../../../src/app/global-search.contract';
import { callApi, queryString } from '../api/client';
import { describeError } from '../api/problem-text';
import { SearchIcon } from './icons';

function searchQuery(q: string) {
  return queryOptions({
    queryKey: ['search', q],
    queryFn: () => callApi<GlobalSearchResult>('GET', `/api/search${queryString({ q, limit: 5 })}`),
    staleTime: 10_000,
  });
}

/** The header button and its dialog. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  useHotkeys([
    ['mod+K', open],
    ['/', open],
  ]);
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<SearchIcon size={14} />}
        rightSection={
          <Kbd size="xs" visibleFrom="md">
            Ctrl K
          </Kbd>
        }
        onClick={open}
        aria-label={t('search.open')}
        data-testid="global-search-open"
      >
        <Text size="xs" c="dimmed" visibleFrom="sm">
          {t('search.placeholder')}
        </Text>
      </Button>
      <Modal opened={opened} onClose={close} withCloseButton={false} size="lg" yOffset="10vh" padding="sm">
        {opened && <SearchDialog onDone={close} />}
      </Modal>
    </>
  );
}

function SearchDialog({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 200);
  const result = useQuery({ ...searchQuery(q), enabled: q.length > 0, placeholderData: keepPreviousData });
  const groups = q ? (result.data?.groups ?? []) : [];
  const hits: SearchHit[] = groups.flatMap((group) => group.items);
  const [active, setActive] = useState(0);
  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onDone();
    void navigate({ to: hit.path });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (hits.length ? (index + step + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(hits[Math.min(active, hits.length - 1)]);
    }
  };
  // Each group's first hit's place among all hits, for the arrow keys.
  const starts = groups.map((_, g) => groups.slice(0, g).reduce((sum, group) => sum + group.items.length, 0));
  return (
    <Stack gap="sm" data-testid="global-search">
      <TextInput
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder={t('search.hint')}
        leftSection={<SearchIcon size={16} />}
        rightSection={result.isFetching ? <Loader size="xs" /> : null}
        maxLength={100}
        data-autofocus
        aria-label={t('search.placeholder')}
        data-testid="global-search-input"
      />
      {result.isError && (
        <Text size="sm" c="red">
          {describeError(result.error)}
        </Text>
      )}
      {q && result.isSuccess && groups.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md" data-testid="global-search-empty">
          {t('search.nothing', { q })}
        </Text>
      )}
      {groups.map((group, g) => (
        <Stack key={group.type} gap={2} data-testid="global-search-group" data-type={group.type}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t(`search.groups.${group.type}`)}
          </Text>
          {group.items.map((hit, i) => {
            const mine = starts[g]! + i;
            return (
              <UnstyledButton
                key={hit.id}
                onClick={() => go(hit)}
                onMouseEnter={() => setActive(mine)}
                px="sm"
                py={6}
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: mine === active ? 'var(--mantine-color-teal-light)' : undefined,
                }}
                data-testid="global-search-hit"
                data-active={mine === active}
              >
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" truncate>
                    {hit.title}
                  </Text>
                  {hit.subtitle && (
                    <Text size="xs" c="dimmed" truncate>
                      {hit.subtitle}
                    </Text>
                  )}
                </Group>
              </UnstyledButton>
            );
          })}
          {group.more && (
            <Text size="xs" c="dimmed" px="sm">
              {t('search.more')}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
