/**
 * A warehouse's times are shown in the warehouse's own time zone, with its offset, on every page and
 * document (the pick list and packing slip print the same clock): one rule whatever the browser's zone.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useFormat } from '../shell/use-format';
import { warehousesQuery } from './warehouse-queries';

const ScopeWarehouse = createContext<string | undefined>(undefined);

/** Inside it, `useWarehouseTime()` without a warehouse id shows times in `warehouseId`'s zone. */
export function WarehouseTimeScope({ warehouseId, children }: { warehouseId: string; children: ReactNode }) {
  return <ScopeWarehouse.Provider value={warehouseId}>{children}</ScopeWarehouse.Provider>;
}

/**
 * `(iso, warehouseId?) => text`: the time in the zone of that warehouse (or of the scope's). Until the
 * warehouses have loaded it shows the browser's zone, with its offset, so the clock is never unsaid.
 */
export function useWarehouseTime(): (iso: string, warehouseId?: string) => string {
  const format = useFormat();
  const scoped = useContext(ScopeWarehouse);
  const warehouses = useQuery(warehousesQuery).data?.items;
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return useCallback(
    (iso, warehouseId) => {
      const id = warehouseId ?? scoped;
      const zone = warehouses?.find((warehouse) => warehouse.id === id)?.timeZone ?? browserZone;
      return format.dateTime(iso, zone);
    },
    [format, scoped, warehouses, browserZone],
  );
}
