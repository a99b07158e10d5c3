/** The "Add a user" dialog: email, name, an initial password and a role. */
import { Alert, Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError, fieldErrors } from '../api/problem-text';
import { usersQuery } from '../api/queries';
import type { CreateUserInput, Role, UserOut } from '../api/types';
import { RoleSelect } from './role-select';

const blank = { email: '', name: '', password: '', role: 'sales_rep' as Role };

/** Adds a user to the tenant and refreshes the list; stays open with the reasons when refused. */
export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(blank);
  const add = useMutation({
    mutationFn: (input: CreateUserInput) => callApi<UserOut>('POST', '/api/users', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
      finish();
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
    add.mutate({
      email: form.email.trim(),
      name: form.name.trim(),
      password: form.password,
      role: form.role,
    });
  };
  const field = (key: 'email' | 'name' | 'password') => ({
    value: form[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
    error: errors[key],
  });
  return (
    <Modal opened={opened} onClose={finish} title={t('users.addTitle')} centered>
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
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            {...field('password')}
            data-testid="user-password"
          />
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
    </Modal>
  );
}
