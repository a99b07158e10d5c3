/** The dialog that adds someone to the committee, or changes a member's seat. */
import { Alert, Button, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AddMemberInput,
  CommitteeMember,
  CommitteeRole,
  NewContactInput,
} from '../../../../src/modules/crm/contact/contact.contract';
import { committeeFieldErrors, describeCommitteeError } from './committee-errors';
import { useAddMember, useUpdateMember } from './committee-queries';
import { MembershipFields, type MembershipDraft } from './membership-fields';
import { EMPTY_PERSON, PersonPicker, type NewPersonDraft, type PickedPerson } from './person-picker';

/** What the dialog is open for: a new member (with a role to start from), or a member to edit. */
export type MemberModalTarget =
  { mode: 'add'; role: CommitteeRole } | { mode: 'edit'; member: CommitteeMember };

type Props = {
  customerId: string;
  target: MemberModalTarget | null;
  memberIds: ReadonlySet<string>;
  onClose: () => void;
};

/** Opens while `target` is set; full screen on a phone. */
export function MemberModal({ customerId, target, memberIds, onClose }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const title =
    target?.mode === 'edit'
      ? t('committee.form.editTitle', { name: target.member.person.name })
      : t('committee.form.addTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg" fullScreen={phone}>
      {/* Mounted only while open, so every opening starts afresh. */}
      {target && (
        <MemberForm customerId={customerId} target={target} memberIds={memberIds} onDone={onClose} />
      )}
    </Modal>
  );
}

/** The draft of a new person as the API takes it: blanks left out. */
function toNewPerson(draft: NewPersonDraft): NewContactInput {
  const entries = Object.entries(draft).map(([key, value]) => [key, value.trim()] as const);
  return Object.fromEntries(entries.filter(([, value]) => value !== '')) as NewContactInput;
}

function startingDraft(target: MemberModalTarget): MembershipDraft {
  if (target.mode === 'edit') {
    const { role, department, stance, influence, isPrimary } = target.member;
    return { role, department, stance, influence, isPrimary };
  }
  return { role: target.role, department: 'other', stance: 'neutral', influence: 3, isPrimary: false };
}

function MemberForm({
  customerId,
  target,
  memberIds,
  onDone,
}: {
  customerId: string;
  target: MemberModalTarget;
  memberIds: ReadonlySet<string>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MembershipDraft>(() => startingDraft(target));
  const [picked, setPicked] = useState<PickedPerson>({ mode: 'new', draft: EMPTY_PERSON });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const add = useAddMember(customerId);
  const update = useUpdateMember(customerId);
  const save = target.mode === 'edit' ? update : add;
  const errors = { ...committeeFieldErrors(save.error), ...missing };
  const general = save.isError && Object.keys(committeeFieldErrors(save.error)).length === 0;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (target.mode === 'edit') {
      update.mutate({ personId: target.member.person.id, ...draft }, { onSuccess: onDone });
      return;
    }
    const who: Pick<AddMemberInput, 'person' | 'personId'> | null =
      picked.mode === 'new'
        ? picked.draft.name.trim()
          ? { person: toNewPerson(picked.draft) }
          : null
        : picked.person
          ? { personId: picked.person.id }
          : null;
    if (!who) {
      setMissing(
        picked.mode === 'new'
          ? { name: t('validation.required') }
          : { personId: t('committee.form.pickPerson') },
      );
      return;
    }
    setMissing({});
    add.mutate({ ...who, ...draft }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="committee-form">
      <Stack gap="md">
        {general && (
          <Alert color="red" title={t('committee.form.failed')} data-testid="committee-form-error">
            {describeCommitteeError(save.error, t)}
          </Alert>
        )}
        {target.mode === 'add' ? (
          <PersonPicker
            value={picked}
            onChange={(value) => {
              setPicked(value);
              setMissing({});
            }}
            memberIds={memberIds}
            errors={errors}
          />
        ) : (
          target.member.person.title && (
            <Text size="sm" c="dimmed">
              {target.member.person.title}
            </Text>
          )
        )}
        {target.mode === 'add' && <Divider />}
        <MembershipFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          wasPrimary={target.mode === 'edit' && target.member.isPrimary}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('committee.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="committee-submit">
            {target.mode === 'edit' ? t('committee.form.save') : t('committee.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
