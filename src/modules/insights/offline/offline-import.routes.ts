/** Routes of this feature (to be written). */
import type { HttpApp } from '../../../platform/http/server.js';
import type { InsightsDeps } from '../insights-deps.js';

/** Registers this feature's routes. */
export function registerOfflineImportRoutes(app: HttpApp, deps: InsightsDeps): void {
  void app;
  void deps;
}
