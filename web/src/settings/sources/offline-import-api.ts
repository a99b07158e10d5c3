/**
 * Sends a CSV file of offline touchpoints to `POST /api/touchpoints/import` as it is: the server
 * reads its encoding and columns and answers what happened to each row.
 */
import { useMutation } from '@tanstack/react-query';
import { ApiError, queryString, type Problem } from '../../api/client';
import type { OfflineImportReport } from '../../../../src/modules/insights/offline/offline-import.contract';

/** Uploads `file` into the offline source `sourceId`; throws ApiError when the server refuses the file. */
export async function uploadOfflineImport(sourceId: string, file: Blob): Promise<OfflineImportReport> {
  const response = await fetch(`/api/touchpoints/import${queryString({ source: sourceId })}`, {
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
  return json as OfflineImportReport;
}

/** One import run. Imported touchpoints show on timelines, which fetch on opening: nothing to refresh. */
export function useOfflineImport() {
  return useMutation({
    mutationFn: ({ sourceId, file }: { sourceId: string; file: File }) => uploadOfflineImport(sourceId, file),
  });
}
