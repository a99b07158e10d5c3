/** What the wave pages read and the calls they make (strategy, preview, release, waves, cancel). */
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { callApi, queryString } from '../api/client';
import type {
  WaveDetail,
  WavePage,
  WavePreview,
  WaveRelease,
  WaveStrategy,
  WaveStrategyRequest,
} from '../../../src/modules/warehouse/wave/wave.contract';

const enc = encodeURIComponent;

/** A warehouse's wave strategy (its rules in release order). */
export function waveStrategyQuery(warehouseId: string) {
  return queryOptions({
    queryKey: ['warehouse', 'wave-strategy', warehouseId],
    queryFn: () => callApi<WaveStrategy>('GET', `/api/warehouses/${enc(warehouseId)}/wave-strategy`),
  });
}

/** Released waves, newest first, optionally of one warehouse. */
export function wavesQuery(warehouseId: string | undefined) {
  return infiniteQueryOptions({
    queryKey: ['warehouse', 'waves', 'list', warehouseId ?? null],
    queryFn: ({ pageParam }) =>
      callApi<WavePage>('GET', `/api/waves${queryString({ warehouseId, after: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One wave with its orders. */
export function waveQuery(id: string) {
  return queryOptions({
    queryKey: ['warehouse', 'waves', 'one', id],
    queryFn: () => callApi<WaveDetail>('GET', `/api/waves/${enc(id)}`),
  });
}

/** Replaces a warehouse's strategy. */
export const saveWaveStrategy = (warehouseId: string, input: WaveStrategyRequest): Promise<WaveStrategy> =>
  callApi<WaveStrategy>('PUT', `/api/warehouses/${enc(warehouseId)}/wave-strategy`, input);

/** What a release would do now, without doing it. */
export const previewWaves = (warehouseId: string): Promise<WavePreview> =>
  callApi<WavePreview>('POST', `/api/warehouses/${enc(warehouseId)}/waves/preview`);

/** Releases the waves the strategy makes now. */
export const releaseWaves = (warehouseId: string): Promise<WaveRelease> =>
  callApi<WaveRelease>('POST', `/api/warehouses/${enc(warehouseId)}/waves/release`);

/** Cancels a wave that has not started picking; its orders return to the pool as they were. */
export const cancelWave = (id: string): Promise<WaveDetail> =>
  callApi<WaveDetail>('POST', `/api/waves/${enc(id)}/cancel`);

/** After a release or cancel: the lists, the wave and the order pool are stale. */
export async function refreshAfterWaveChange(client: QueryClient): Promise<void> {
  await client.invalidateQueries({ queryKey: ['warehouse', 'waves'] });
  await client.invalidateQueries({ queryKey: ['warehouse', 'orders'] });
}
