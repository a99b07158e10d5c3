/** Sends a CSV file to `POST /api/customers/import` as it is: the server reads its encoding and columns. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, queryString, type Problem } from '../../api/client';
import type { CustomerKind } from '../../api/types';
import type { ImportReport, OnDuplicate } from '../../../../src/modules/crm/import/import.contract';

/** The options of one import run. */
export type ImportParams = {
  kind?: CustomerKind;
  /** JSON of the columns the user mapped by hand (see `mapParam`). */
  map?: string;
  dryRun: boolean;
  onDuplicate: OnDuplicate;
};

/** Uploads the file and answers the per-row report; throws ApiError when the server refuses the file. */
export async function uploadImport(file: File, params: ImportParams): Promise<ImportReport> {
  const query = queryString({
    kind: params.kind,
    map: params.map,
    dryRun: params.dryRun ? 'true' : undefined,
    onDuplicate: params.onDuplicate,
  });
  const response = await fetch(`/api/customers/import${query}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'text/csv' },
    credentials: 'same-origin',
    body: file,
  });
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem =
      typeof json === 'object' && json !== null && 'code' in json ? (json as Problem) : undefined;
    throw new ApiError(response.status, problem, `${response.status} ${response.statusText}`);
  }
  return json as ImportReport;
}

/** A run of the import; a real one refreshes every customer view. */
export function useImportRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, params }: { file: File; params: ImportParams }) => uploadImport(file, params),
    onSuccess: async (report) => {
      if (!report.dryRun) await queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
