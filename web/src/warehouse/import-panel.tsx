/** CSV import of locations, items or stock into a warehouse, with the per-row report. */
import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ImportKind,
  WarehouseImportReport,
} from '../../../src/modules/warehouse/import/import.contract';
import type { Warehouse } from '../../../src/modules/warehouse/layout/layout.contract';
import { describeError } from '../api/problem-text';
import { CountCard } from '../shell/count-card';
import { RejectedRowsTable } from '../shell/rejected-rows-table';
import { importWarehouseCsv } from './warehouse-queries';

const KINDS = ['locations', 'items', 'stock'] as const satisfies readonly ImportKind[];

/** The form and, after a run, its report. */
export function ImportPanel({ warehouses }: { warehouses: Warehouse[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('locations');
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const needsWarehouse = kind !== 'items';
  const run = useMutation({
    mutationFn: (csv: File) =>
      importWarehouseCsv(kind, csv, needsWarehouse ? (warehouseId ?? undefined) : undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['warehouse'] }),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm" data-testid="warehouse-import">
        <Title order={4}>{t('warehouse.import.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('warehouse.import.intro')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('warehouse.import.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`warehouse.import.kinds.${k}`) }))}
            value={kind}
            onChange={(value) => setKind(KINDS.find((k) => k === value) ?? 'locations')}
            allowDeselect={false}
            w={160}
            data-testid="import-kind"
          />
          {needsWarehouse && (
            <Select
              label={t('warehouse.filters.warehouse')}
              data={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
              value={warehouseId}
              onChange={setWarehouseId}
              w={220}
              data-testid="import-warehouse"
            />
          )}
          <FileInput
            label={t('warehouse.import.file')}
            placeholder={t('warehouse.import.choose')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            w={260}
            data-testid="import-file"
          />
          <Button
            onClick={() => file && run.mutate(file)}
            disabled={!file || (needsWarehouse && !warehouseId)}
            loading={run.isPending}
            data-testid="import-run"
          >
            {t('warehouse.import.run')}
          </Button>
        </Group>
        {run.isError && <Alert color="red">{describeError(run.error)}</Alert>}
        {run.data && <ImportReportView report={run.data} />}
      </Stack>
    </Paper>
  );
}

function ImportReportView({ report }: { report: WarehouseImportReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="warehouse-import-report">
      <SimpleGrid cols={4} spacing="sm">
        <CountCard label={t('warehouse.import.rows')} value={report.rows} color="dark" testId="import-rows" />
        <CountCard
          label={t('warehouse.import.created')}
          value={report.created}
          color="teal"
          testId="import-created"
        />
        <CountCard
          label={t('warehouse.import.updated')}
          value={report.updated}
          color="blue"
          testId="import-updated"
        />
        <CountCard
          label={t('warehouse.import.rejected')}
          value={report.rejected.length}
          color="red"
          testId="import-rejected"
        />
      </SimpleGrid>
      {report.rejected.length > 0 && (
        <RejectedRowsTable
          rejected={report.rejected}
          texts="warehouse.import"
          testId="warehouse-import-rejected"
        />
      )}
    </Stack>
  );
}
