/** One person on the committee map: name (a link to the contact), title, department, stance, influence. */
import { ActionIcon, Anchor, Badge, Box, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CommitteeMember, Stance } from '../../../../src/modules/crm/contact/contact.contract';
import { HINTED_DEPARTMENTS } from './committee-lanes';

/** The colour of each stance: supporters green, neutral grey, opponents red. */
export const STANCE_COLORS: Record<Stance, string> = { supporter: 'green', neutral: 'gray', opponent: 'red' };

/** Influence 1–5 as filled and empty dots. */
export function InfluenceDots({ value, color }: { value: number; color: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={3} wrap="nowrap" role="img" aria-label={t('committee.influenceValue', { value })}>
      {[1, 2, 3, 4, 5].map((dot) => (
        <Box
          key={dot}
          w={8}
          h={8}
          style={{
            borderRadius: '50%',
            background: dot <= value ? `var(--mantine-color-${color}-6)` : 'transparent',
            border: `1.5px solid var(--mantine-color-${dot <= value ? color : 'gray'}-${dot <= value ? 6 : 4})`,
          }}
        />
      ))}
    </Group>
  );
}

/** A star for the account's primary contact. */
function PrimaryStar() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('committee.primary')} withArrow>
      <Text
        component="span"
        c="yellow.6"
        fz="md"
        lh={1}
        aria-label={t('committee.primary')}
        data-testid="committee-primary"
      >
        ★
      </Text>
    </Tooltip>
  );
}

/** Edit or remove, behind a small "⋯" so the card stays calm. */
function MemberMenu({ name, onEdit, onRemove }: { name: string; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t('committee.actions', { name })}
          data-testid="committee-member-menu"
        >
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onEdit} data-testid="committee-member-edit">
          {t('committee.edit')}
        </Menu.Item>
        <Menu.Item color="red" onClick={onRemove} data-testid="committee-member-remove">
          {t('committee.remove')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

type Props = {
  member: CommitteeMember;
  /** Say which role the person has, for lanes that hold more than one. */
  showRole: boolean;
  canEdit: boolean;
  onEdit: () => void;
  onRemove: () => void;
};

/** The card; its left edge and badge take the stance's colour, so a room of opponents shows at a glance. */
export function MemberCard({ member, showRole, canEdit, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const { person } = member;
  const color = STANCE_COLORS[member.stance];
  const hinted = HINTED_DEPARTMENTS.find((department) => department === member.department);
  const contact = [person.phone, person.email].filter(Boolean).join(' · ');
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      shadow="xs"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
      data-testid="committee-member"
      data-person-id={person.id}
      data-stance={member.stance}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Group gap={6} wrap="nowrap" miw={0}>
            {member.isPrimary && <PrimaryStar />}
            <Anchor
              renderRoot={(props) => <Link {...props} to="/people/$id" params={{ id: person.id }} />}
              fw={600}
              size="sm"
              c="inherit"
              lineClamp={2}
              style={{ overflowWrap: 'anywhere' }}
              data-testid="committee-member-name"
            >
              {person.name}
            </Anchor>
          </Group>
          {canEdit && <MemberMenu name={person.name} onEdit={onEdit} onRemove={onRemove} />}
        </Group>
        {(person.title || showRole) && (
          <Text size="xs" c="dimmed" lineClamp={2} mt={-4}>
            {[showRole ? t(`committee.roles.${member.role}`) : null, person.title]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        <Group gap={6} wrap="wrap" align="center">
          <Badge variant="outline" color="gray" size="xs" tt="none">
            {t(`committee.departments.${member.department}`)}
          </Badge>
          {hinted && (
            <Text size="xs" c="dimmed" fs="italic">
              {t(`committee.departmentHints.${hinted}`)}
            </Text>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap" align="center">
          <Badge color={color} variant="light" size="sm" tt="none" data-testid="committee-stance">
            {t(`committee.stances.${member.stance}`)}
          </Badge>
          <InfluenceDots value={member.influence} color={color} />
        </Group>
        {contact && (
          <Text size="xs" c="dimmed" truncate>
            {contact}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
