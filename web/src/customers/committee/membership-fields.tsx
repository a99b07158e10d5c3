/** The inputs of a seat on the committee: role, department, stance, influence and the primary flag. */
import {
  Box,
  Group,
  Input,
  Rating,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommitteeRole, Department, Stance } from '../../../../src/modules/crm/contact/contact.contract';
import { HINTED_DEPARTMENTS } from './committee-lanes';
import { STANCE_COLORS } from './member-card';

const ROLES: CommitteeRole[] = ['decision_maker', 'procurement', 'manager', 'user', 'other'];
const DEPARTMENTS: Department[] = ['technical', 'finance', 'compliance', 'business', 'executive', 'other'];
const STANCES: Stance[] = ['supporter', 'neutral', 'opponent'];

/** What the form edits about a membership. */
export type MembershipDraft = {
  role: CommitteeRole;
  department: Department;
  stance: Stance;
  influence: number;
  isPrimary: boolean;
};

type Props = {
  draft: MembershipDraft;
  onChange: (draft: MembershipDraft) => void;
  errors: Record<string, string>;
  /** The person is primary already, so turning the switch on takes the flag from nobody. */
  wasPrimary: boolean;
};

function Dot({ filled }: { filled: boolean }) {
  return (
    <Box
      w={14}
      h={14}
      mx={2}
      style={{
        borderRadius: '50%',
        border: '2px solid var(--mantine-color-teal-6)',
        background: filled ? 'var(--mantine-color-teal-6)' : 'transparent',
      }}
    />
  );
}

/** The membership inputs; the department's weighting hint shows under its select. */
export function MembershipFields({ draft, onChange, errors, wasPrimary }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof MembershipDraft>(key: K, value: MembershipDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const hinted = HINTED_DEPARTMENTS.find((department) => department === draft.department);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('committee.form.role')}
          data={ROLES.map((role) => ({ value: role, label: t(`committee.roles.${role}`) }))}
          value={draft.role}
          onChange={(value) => value && set('role', value)}
          allowDeselect={false}
          error={errors.role}
          data-testid="committee-role-input"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('committee.form.department')}
          description={hinted ? t(`committee.departmentHints.${hinted}`) : undefined}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data={DEPARTMENTS.map((department) => ({
            value: department,
            label: t(`committee.departments.${department}`),
          }))}
          value={draft.department}
          onChange={(value) => value && set('department', value)}
          allowDeselect={false}
          error={errors.department}
          data-testid="committee-department-input"
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <Input.Wrapper label={t('committee.form.stance')} error={errors.stance}>
        <SegmentedControl
          fullWidth
          value={draft.stance}
          onChange={(value) => set('stance', value)}
          color={STANCE_COLORS[draft.stance]}
          data={STANCES.map((stance) => ({ value: stance, label: t(`committee.stances.${stance}`) }))}
          data-testid="committee-stance-input"
        />
      </Input.Wrapper>
      <Input.Wrapper label={t('committee.form.influence')} error={errors.influence}>
        <Group gap="sm" align="center">
          <Rating
            count={5}
            value={draft.influence}
            onChange={(value) => set('influence', Math.max(1, value))}
            emptySymbol={<Dot filled={false} />}
            fullSymbol={<Dot filled />}
            getSymbolLabel={(index) => t('committee.influenceValue', { value: index + 1 })}
            data-testid="committee-influence-input"
          />
          <Text size="sm" c="dimmed">
            {draft.influence}/5
          </Text>
        </Group>
      </Input.Wrapper>
      <Switch
        label={t('committee.form.isPrimary')}
        description={!wasPrimary && draft.isPrimary ? t('committee.form.primaryNote') : undefined}
        checked={draft.isPrimary}
        onChange={(event) => set('isPrimary', event.currentTarget.checked)}
        data-testid="committee-primary-input"
      />
    </Stack>
  );
}
