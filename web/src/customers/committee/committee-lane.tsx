/** One lane of the committee map: its people, and a dashed warning slot for each key role nobody holds. */
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  CommitteeMember,
  CommitteeRole,
  KeyRole,
} from '../../../../src/modules/crm/contact/contact.contract';
import { LANE_ROLES, type LaneView } from './committee-lanes';
import { MemberCard } from './member-card';

type Props = {
  view: LaneView;
  canEdit: boolean;
  onAdd: (role: CommitteeRole) => void;
  onEdit: (member: CommitteeMember) => void;
  onRemove: (member: CommitteeMember) => void;
};

/** "Unknown — who decides?": in the warning colour, so the gaps in the committee jump out. */
function MissingSlot({ role, canEdit, onAdd }: { role: KeyRole; canEdit: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const body = (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" fw={500} c="orange.8">
        {t(`committee.missing.${role}`)}
      </Text>
      {canEdit && (
        <Text size="xs" fw={600} c="orange.8" style={{ whiteSpace: 'nowrap' }}>
          + {t('committee.addShort')}
        </Text>
      )}
    </Group>
  );
  const style = {
    display: 'block',
    width: '100%',
    border: '1.5px dashed var(--mantine-color-orange-5)',
    background: 'var(--mantine-color-orange-0)',
    borderRadius: 'var(--mantine-radius-md)',
    padding: 'var(--mantine-spacing-sm)',
  };
  return canEdit ? (
    <UnstyledButton onClick={onAdd} style={style} data-testid={`committee-missing-${role}`}>
      {body}
    </UnstyledButton>
  ) : (
    <div style={style} data-testid={`committee-missing-${role}`}>
      {body}
    </div>
  );
}

/** The lane: title, how many people, what the lane means, then the cards and the gaps. */
export function CommitteeLane({ view, canEdit, onAdd, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const roles = LANE_ROLES[view.lane];
  // Orange while a key role is unknown, teal once the lane has people, grey for an empty "others".
  const edge = view.missing.length > 0 ? 'orange-5' : view.members.length > 0 ? 'teal-6' : 'gray-4';
  return (
    <Paper
      radius="md"
      p="sm"
      bg="gray.0"
      style={{ borderTop: `3px solid var(--mantine-color-${edge})` }}
      data-testid={`committee-lane-${view.lane}`}
    >
      <Stack gap="xs">
        <div>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={650} size="sm">
              {t(`committee.lanes.${view.lane}`)}
            </Text>
            <Badge size="sm" variant="light" color={view.members.length ? 'teal' : 'gray'} circle>
              {view.members.length}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t(`committee.laneHints.${view.lane}`)}
          </Text>
        </div>
        {view.members.map((member) => (
          <MemberCard
            key={member.person.id}
            member={member}
            showRole={roles.length > 1}
            canEdit={canEdit}
            onEdit={() => onEdit(member)}
            onRemove={() => onRemove(member)}
          />
        ))}
        {view.missing.map((role) => (
          <MissingSlot key={role} role={role} canEdit={canEdit} onAdd={() => onAdd(role)} />
        ))}
        {view.lane === 'other' && view.members.length === 0 && (
          <Text size="xs" c="dimmed" py="xs" ta="center">
            {t('committee.nobodyElse')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
