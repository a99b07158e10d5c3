/** Who joins the committee: a person found by search, or a new one typed in. */
import {
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactWithAccounts } from '../../../../src/modules/crm/contact/contact.contract';
import { describeCommitteeError } from './committee-errors';
import { peopleSearchQuery } from './committee-queries';

/** The fields of a new person the form asks for. */
export type NewPersonDraft = { name: string; title: string; phone: string; email: string; wechatId: string };

/** Who the form adds: a found person, or a new one. */
export type PickedPerson =
  { mode: 'existing'; person: ContactWithAccounts | null } | { mode: 'new'; draft: NewPersonDraft };

/** An empty new person. */
export const EMPTY_PERSON: NewPersonDraft = { name: '', title: '', phone: '', email: '', wechatId: '' };

type Props = {
  value: PickedPerson;
  onChange: (value: PickedPerson) => void;
  /** People on this committee already: shown, but not pickable. */
  memberIds: ReadonlySet<string>;
  errors: Record<string, string>;
};

/** Switches between searching existing people and typing a new one. */
export function PersonPicker({ value, onChange, memberIds, errors }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <SegmentedControl
        fullWidth
        value={value.mode}
        onChange={(mode) =>
          onChange(mode === 'new' ? { mode: 'new', draft: EMPTY_PERSON } : { mode: 'existing', person: null })
        }
        data={[
          { value: 'new', label: t('committee.form.newPerson') },
          { value: 'existing', label: t('committee.form.existingPerson') },
        ]}
        data-testid="committee-person-mode"
      />
      {value.mode === 'new' ? (
        <NewPersonFields
          draft={value.draft}
          onChange={(draft) => onChange({ mode: 'new', draft })}
          errors={errors}
        />
      ) : value.person ? (
        <PickedCard person={value.person} onChange={() => onChange({ mode: 'existing', person: null })} />
      ) : (
        <PeopleSearch
          memberIds={memberIds}
          error={errors.personId}
          onPick={(person) => onChange({ mode: 'existing', person })}
        />
      )}
    </Stack>
  );
}

function NewPersonFields({
  draft,
  onChange,
  errors,
}: {
  draft: NewPersonDraft;
  onChange: (draft: NewPersonDraft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const input = (key: keyof NewPersonDraft) => ({
    label: t(`committee.form.${key}`),
    value: draft[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      onChange({ ...draft, [key]: event.currentTarget.value }),
    error: errors[key],
    'data-testid': `committee-person-${key}`,
  });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput {...input('name')} required data-autofocus />
        <TextInput {...input('title')} />
        <TextInput {...input('phone')} type="tel" inputMode="tel" />
        <TextInput {...input('email')} type="email" />
      </SimpleGrid>
      <TextInput {...input('wechatId')} />
    </Stack>
  );
}

/** A short line about a found person: title, phone, and the accounts they are on. */
function PersonFacts({ person }: { person: ContactWithAccounts }) {
  const { t } = useTranslation();
  const facts = [person.title, person.phone ?? person.email].filter(Boolean).join(' · ');
  const names = person.accounts.map((account) => account.customerName).join('、');
  return (
    <>
      {facts && (
        <Text size="xs" c="dimmed" truncate>
          {facts}
        </Text>
      )}
      {names && (
        <Text size="xs" c="dimmed" truncate>
          {t('committee.form.alsoAt', { names })}
        </Text>
      )}
    </>
  );
}

function PickedCard({ person, onChange }: { person: ContactWithAccounts; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="committee-picked-person">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Text fw={600} size="sm">
            {person.name}
          </Text>
          <PersonFacts person={person} />
        </Stack>
        <Button variant="subtle" size="compact-sm" onClick={onChange}>
          {t('committee.form.change')}
        </Button>
      </Group>
    </Paper>
  );
}

function PeopleSearch({
  memberIds,
  error,
  onPick,
}: {
  memberIds: ReadonlySet<string>;
  error: string | undefined;
  onPick: (person: ContactWithAccounts) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const found = useQuery(peopleSearchQuery(q));
  const people = found.data?.items ?? [];
  return (
    <Stack gap="xs">
      <TextInput
        label={t('committee.form.search')}
        placeholder={t('committee.form.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        rightSection={found.isFetching ? <Loader size="xs" /> : null}
        error={error ?? (found.isError ? describeCommitteeError(found.error, t) : undefined)}
        data-testid="committee-person-search"
        data-autofocus
      />
      <Paper withBorder radius="md" mah={260} style={{ overflowY: 'auto' }}>
        {found.isPending ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('committee.form.searching')}
          </Text>
        ) : people.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm" data-testid="committee-person-none">
            {t('committee.form.nobodyFound')}
          </Text>
        ) : (
          people.map((person, index) => {
            const member = memberIds.has(person.id);
            return (
              <UnstyledButton
                key={person.id}
                display="block"
                w="100%"
                px="sm"
                py={8}
                disabled={member}
                onClick={() => onPick(person)}
                style={{
                  borderTop: index > 0 ? '1px solid var(--mantine-color-gray-2)' : undefined,
                  opacity: member ? 0.55 : 1,
                }}
                data-testid="committee-person-option"
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={500} truncate>
                    {person.name}
                  </Text>
                  {member && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('committee.form.alreadyOnCommittee')}
                    </Text>
                  )}
                </Group>
                <PersonFacts person={person} />
              </UnstyledButton>
            );
          })
        )}
      </Paper>
    </Stack>
  );
}
