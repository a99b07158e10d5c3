/** A select of the data scopes, with "role default" for users who should follow their role. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DATA_SCOPES, type DataScope } from '../api/types';

/** A data scope, or `default` for the role's own scope (sent to the server as null). */
export type ScopeChoice = DataScope | 'default';

const ROLE_DEFAULT = 'default';

/** Picks a data scope or the role default; never empty. */
export function ScopeSelect({
  value,
  onChange,
  error,
  testId,
}: {
  value: ScopeChoice;
  onChange: (scope: ScopeChoice) => void;
  error?: string | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  const choices: ScopeChoice[] = [ROLE_DEFAULT, ...DATA_SCOPES];
  return (
    <Select
      label={t('users.scopeLabel')}
      description={t('users.scopeHint')}
      data={choices.map((choice) => ({
        value: choice,
        label: choice === ROLE_DEFAULT ? t('users.scopeDefault') : t(`scopes.${choice}`),
      }))}
      value={value}
      onChange={(next) => {
        const choice = choices.find((c) => c === next);
        if (choice) onChange(choice);
      }}
      allowDeselect={false}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
