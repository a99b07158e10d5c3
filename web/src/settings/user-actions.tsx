/** The edit and remove buttons of one user, shared by the table and the phone cards. */
import { Button, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a user list needs to draw a user's actions. */
export type UserActionsProps = { isSelf: boolean; onEdit: () => void; onRemove: () => void };

/** Edit and remove; remove is off for the signed-in user, whom the server refuses to remove too. */
export function UserActions({ isSelf, onEdit, onRemove }: UserActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="subtle" onClick={onEdit} data-testid="edit-user">
        {t('users.edit')}
      </Button>
      <Tooltip
        label={t('users.cannotRemoveSelf')}
        disabled={!isSelf}
        events={{ hover: true, focus: true, touch: true }}
      >
        {/* A disabled button fires no pointer events, so the tooltip hangs on a wrapper. */}
        <span>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            disabled={isSelf}
            onClick={onRemove}
            data-testid="remove-user"
          >
            {t('users.remove')}
          </Button>
        </span>
      </Tooltip>
    </Group>
  );
}
