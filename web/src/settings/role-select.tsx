/** A select of the roles, labelled in the interface language. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../api/types';

/** Picks one role; never empty. */
export function RoleSelect({
  value,
  onChange,
  label,
  error,
  testId,
}: {
  value: Role;
  onChange: (role: Role) => void;
  label: string;
  error?: string | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      value={value}
      onChange={(next) => {
        const role = ROLES.find((r) => r === next);
        if (role) onChange(role);
      }}
      allowDeselect={false}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
