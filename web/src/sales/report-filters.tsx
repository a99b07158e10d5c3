/**
 * The filters of the report pages: pipeline, customer kind, and owner and team when the user's data
 * scope lets them see other people's deals. Extra controls (group by, currency) sit in the same row.
 */
import { Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { teamsQuery, userDirectoryQuery } from '../api/queries';
import { CUSTOMER_KINDS } from '../api/types';
import { useMe } from '../auth/use-me';
import type { ReportFilters } from './report-queries';
import { pipelinesQuery } from './sales-queries';
import { defaultText } from './default-names';

/** Names of the tenant's users and teams, by id. */
export function useOwnerNames(): { users: Map<string, string>; teams: Map<string, string> } {
  const users = useQuery(userDirectoryQuery).data;
  const teams = useQuery(teamsQuery).data;
  return useMemo(
    () => ({
      users: new Map((users ?? []).map((u) => [u.id, u.name] as const)),
      teams: new Map((teams ?? []).map((team) => [team.id, team.name] as const)),
    }),
    [users, teams],
  );
}

/** The filter row. `pipeline` false leaves the pipeline out (the page chooses it itself). */
export function ReportFilterBar({
  value,
  onChange,
  pipeline = true,
  children,
}: {
  value: ReportFilters;
  onChange: (next: ReportFilters) => void;
  pipeline?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const pipelines = useQuery(pipelinesQuery);
  const { users, teams } = useOwnerNames();
  const seesOthers = me.scope !== 'own';
  const set = (key: keyof ReportFilters) => (next: string | null) =>
    onChange({ ...value, [key]: next ?? undefined });
  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      {pipeline && (
        <Select
          label={t('salesReports.filters.pipeline')}
          w={200}
          clearable
          placeholder={t('salesReports.filters.anyPipeline')}
          data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: defaultText(p.name, t) }))}
          value={value.pipelineId ?? null}
          onChange={set('pipelineId')}
          data-testid="report-pipeline"
        />
      )}
      <Select
        label={t('salesReports.filters.kind')}
        w={140}
        clearable
        placeholder={t('kinds.all')}
        data={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        value={value.kind ?? null}
        onChange={set('kind')}
        data-testid="report-kind"
      />
      {seesOthers && (
        <Select
          label={t('salesReports.filters.owner')}
          w={170}
          clearable
          searchable
          placeholder={t('salesReports.filters.anyOwner')}
          data={[...users].map(([id, name]) => ({ value: id, label: name }))}
          value={value.ownerUserId ?? null}
          onChange={set('ownerUserId')}
          data-testid="report-owner"
        />
      )}
      {seesOthers && teams.size > 0 && (
        <Select
          label={t('salesReports.filters.team')}
          w={170}
          clearable
          placeholder={t('salesReports.filters.anyTeam')}
          data={[...teams].map(([id, name]) => ({ value: id, label: name }))}
          value={value.teamId ?? null}
          onChange={set('teamId')}
          data-testid="report-team"
        />
      )}
      {children}
    </Group>
  );
}
