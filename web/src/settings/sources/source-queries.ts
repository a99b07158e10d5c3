/** Event sources as TanStack Query options and mutations: list, create, change, rotate the write key. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type {
  CreateSourceInput,
  Source,
  SourceList,
  UpdateSourceInput,
} from '../../../../src/modules/insights/source/source.contract';

/** A source kind a user may create. */
export type SourceKind = Source['kind'];

/** Every source kind, in the order the select lists them. */
export const SOURCE_KINDS = [
  'web',
  'app',
  'mini_program',
  'server',
  'offline',
] as const satisfies readonly SourceKind[];

// Fails to compile when the server adds a kind this list lacks.
const kindsComplete: [Exclude<SourceKind, (typeof SOURCE_KINDS)[number]>] extends [never] ? true : false =
  true;
void kindsComplete;

/** The tenant's sources (without Kehu's own), by name. */
export const sourcesQuery = queryOptions({
  queryKey: ['sources'],
  queryFn: async () => (await callApi<SourceList>('GET', '/api/sources')).items,
});

const sourcePath = (id: string) => `/api/sources/${encodeURIComponent(id)}`;

/** Puts a changed source into the cached list at once, then refetches the list. */
function useSourceWrite<Input>(send: (input: Input) => Promise<Source>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (source) => {
      queryClient.setQueryData(sourcesQuery.queryKey, (list) =>
        list?.some((item) => item.id === source.id)
          ? list.map((item) => (item.id === source.id ? source : item))
          : [...(list ?? []), source],
      );
      await queryClient.invalidateQueries({ queryKey: sourcesQuery.queryKey });
    },
  });
}

/** Creates a source; the answer carries its write key. */
export function useCreateSource() {
  return useSourceWrite((input: CreateSourceInput) => callApi<Source>('POST', '/api/sources', input));
}

/** Renames, re-limits, changes the retention of, or disables/enables a source. */
export function useUpdateSource() {
  return useSourceWrite(({ id, ...input }: UpdateSourceInput & { id: string }) =>
    callApi<Source>('PATCH', sourcePath(id), input),
  );
}

/** Gives a source a new write key; the old one stops working at once. */
export function useRotateWriteKey() {
  return useSourceWrite((id: string) => callApi<Source>('POST', `${sourcePath(id)}/write-key`));
}
