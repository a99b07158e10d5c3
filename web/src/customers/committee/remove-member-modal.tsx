/** Asks before taking someone off the committee; the person stays in the contacts. */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommitteeMember } from '../../../../src/modules/crm/contact/contact.contract';
import { describeCommitteeError } from './committee-errors';
import { useRemoveMember } from './committee-queries';

type Props = { customerId: string; member: CommitteeMember | null; onClose: () => void };

/** Opens while `member` is set. */
export function RemoveMemberModal({ customerId, member, onClose }: Props) {
  const { t } = useTranslation();
  const remove = useRemoveMember(customerId);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={member !== null} onClose={close} title={t('committee.removeTitle')} centered>
      {member && (
        <Stack gap="md">
          <Text size="sm">{t('committee.removeConfirm', { name: member.person.name })}</Text>
          {remove.isError && (
            <Alert color="red" title={t('committee.form.failed')}>
              {describeCommitteeError(remove.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('committee.form.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(member.person.id, { onSuccess: close })}
              data-testid="committee-remove-confirm"
            >
              {t('committee.remove')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
