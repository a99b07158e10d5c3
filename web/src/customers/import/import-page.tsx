/** The import wizard: upload a CSV, map its columns, see the per-row report. */
import { Alert, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { crmSettingsQuery } from '../../api/queries';
import { useCan } from '../../auth/use-me';
import { BackToCustomers } from '../../shell/back-link';
import { usePageTitle } from '../../shell/use-page-title';
import type { ImportReport, OnDuplicate } from '../../../../src/modules/crm/import/import.contract';
import { useImportRun, type ImportParams } from './import-api';
import { mapParam } from './import-fields';
import { ImportFileStep, type KindChoice } from './import-file-step';
import { ImportMappingStep } from './import-mapping-step';
import { ImportReportView } from './import-report';

/**
 * The page at /customers/import. The server is the authority on columns and rows: choosing a file
 * runs the import as a dry run, which answers the detected mapping, a preview and what would happen;
 * the user adjusts the mapping, checks again if they like, and runs it for real.
 */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  const canImport = useCan('customers.import');
  const settings = useQuery(crmSettingsQuery);
  const customFields = settings.data?.customFields ?? [];
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<KindChoice>('detect');
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('report');
  const check = useImportRun();
  const run = useImportRun();
  // Kept apart from the mutation, whose data empties while a second check runs.
  const [checked, setChecked] = useState<ImportReport | null>(null);

  const params = (dryRun: boolean): ImportParams => ({
    kind: kind === 'detect' ? undefined : kind,
    map: checked ? mapParam(checked.columns, overrides) : undefined,
    dryRun,
    onDuplicate,
  });
  const runCheck = (map: string | undefined): void => {
    if (file) check.mutate({ file, params: { ...params(true), map } }, { onSuccess: setChecked });
  };
  const back = (): void => {
    check.reset();
    setChecked(null);
  };
  const restart = (): void => {
    back();
    run.reset();
    setFile(null);
    setOverrides({});
  };
  const step = run.data ? 2 : checked ? 1 : 0;

  if (!canImport) {
    return (
      <Stack gap="md" maw={960}>
        <BackToCustomers />
        <Alert color="red">{t('import.forbidden')}</Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="md" maw={960} data-testid="import-page">
      <BackToCustomers />
      <Title order={2}>{t('import.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('import.intro')}
      </Text>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        <Stepper active={step} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('import.steps.file')}>
            <ImportFileStep
              file={file}
              onFile={(chosen) => {
                back();
                setOverrides({});
                setFile(chosen);
              }}
              kind={kind}
              onKind={setKind}
              onNext={() => runCheck(undefined)}
              pending={check.isPending}
              error={check.error}
            />
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.mapping')}>
            {checked && file && (
              <ImportMappingStep
                fileName={file.name}
                check={checked}
                customFields={customFields}
                overrides={overrides}
                onOverride={(header, target) => setOverrides((current) => ({ ...current, [header]: target }))}
                onDuplicate={onDuplicate}
                onOnDuplicate={setOnDuplicate}
                onBack={back}
                onCheck={() => runCheck(params(true).map)}
                onRun={() => run.mutate({ file, params: params(false) })}
                checking={check.isPending}
                running={run.isPending}
                error={run.error ?? check.error}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.report')}>
            {run.data && (
              <Stack gap="lg">
                <ImportReportView report={run.data} customFields={customFields} />
                <Group gap="sm">
                  <Button variant="default" onClick={restart} data-testid="import-again">
                    {t('import.report.again')}
                  </Button>
                  <Button component={Link} to="/customers">
                    {t('import.report.toList')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
        </Stepper>
      </Paper>
    </Stack>
  );
}
