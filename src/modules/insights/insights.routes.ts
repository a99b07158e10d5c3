/** Every insights route, registered in one call by the composition root. */
import type { HttpApp } from '../../platform/http/server.js';
import { registerFunnelRoutes } from './funnel/funnel.routes.js';
import { registerIngestRoutes } from './ingest/ingest.routes.js';
import type { InsightsDeps } from './insights-deps.js';
import { registerOfflineImportRoutes } from './offline/offline-import.routes.js';
import { registerPrivacyRoutes } from './privacy/privacy.routes.js';
import { registerSourceRoutes } from './source/source.routes.js';
import { registerTimelineRoutes } from './timeline/timeline.routes.js';

/** Registers Segment-compatible ingest under /v1, sources, persons and timelines, offline import, funnels. */
export function registerInsightsRoutes(app: HttpApp, deps: InsightsDeps): void {
  registerIngestRoutes(app, deps);
  registerSourceRoutes(app, deps);
  registerTimelineRoutes(app, deps);
  registerOfflineImportRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerFunnelRoutes(app, deps);
}
