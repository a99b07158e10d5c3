/**
 * The "Invite a user" dialog: email, name and role. The person joins when they accept the link, which
 * the dialog shows once created (and the pending list keeps) until mail delivery exists.
 */
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError, fieldErrors } from '../api/problem-text';
import { invitationsQuery } from '../api/queries';
import type { InvitationWithLink, InviteUserInput, Role } from '../api/types';
import { InvitationLink } from './invitation-link';
import { RoleSelect } from './role-select';

const blank = { email: '', name: '', role: 'sales_rep' as Role };

/** Invites a person and shows the link to send them; stays open with the reasons when refused. */
export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(blank);
  const add = useMutation({
    mutationFn: (input: InviteUserInput) => callApi<InvitationWithLink>('POST', '/api/users', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: invitationsQuery.queryKey });
    },
  });
  const errors = fieldErrors(add.error);
  const finish = (): void => {
    setForm(blank);
    add.reset();
    onClose();
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    add.mutate({ email: form.email.trim(), name: form.name.trim(), role: form.role });
  };
  const field = (key: 'email' | 'name') => ({
    value: form[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
    error: errors[key],
  });
  const created = add.data;
  return (
    <Modal opened={opened} onClose={finish} title={t('users.addTitle')} centered size="lg">
      {created ? (
        <Stack gap="md" data-testid="invitation-created">
          <Alert color="teal" title={t('invitations.sent', { email: created.invitation.email })}>
            {t('invitations.linkHint', { date: new Date(created.invitation.expiresAt).toLocaleString() })}
          </Alert>
          <InvitationLink link={created.link} />
          <Group justify="flex-end">
            <Button variant="default" onClick={finish} data-testid="invitation-done">
              {t('invitations.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="add-user-form">
          <Stack gap="md">
            {add.isError && Object.keys(errors).length === 0 && (
              <Alert color="red" title={t('users.failed')}>
                {describeError(add.error)}
              </Alert>
            )}
            <TextInput
              label={t('users.email')}
              type="email"
              required
              {...field('email')}
              data-testid="user-email"
            />
            <TextInput label={t('users.name')} required {...field('name')} data-testid="user-name-input" />
            <RoleSelect
              label={t('users.role')}
              value={form.role}
              onChange={(role) => setForm((f) => ({ ...f, role }))}
              error={errors.role}
              testId="user-role"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={finish}>
                {t('users.cancel')}
              </Button>
              <Button type="submit" loading={add.isPending} data-testid="user-submit">
                {t('users.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
