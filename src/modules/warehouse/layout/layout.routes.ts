/** HTTP routes: to be written. */
import type { HttpApp } from '../../../platform/http/server.js';
import type { WarehouseDeps } from '../warehouse-deps.js';

/** Registers this feature's routes. */
export function registerLayoutRoutes(app: HttpApp, deps: WarehouseDeps): void {
  void app;
  void deps;
}
