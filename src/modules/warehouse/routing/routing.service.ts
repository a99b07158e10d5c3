/**
 * Pick routes as a use case: input checked against the layout (400 `warehouse.route.invalid` naming
 * the field or pick), then the pure planner. No database: the CLI calls it without one.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { planRoute } from './plan-route.js';
import { ROUTING_ERRORS, RouteInput, pickIssue, type Route } from './routing.contract.js';

/** The pure planner and the distance model, for features that plan many routes (order batching). */
export { planRoute } from './plan-route.js';
export { crossAisleY, depotPoint, pickPoint, walkDistance, type WalkPoint } from './route-geometry.js';

export type CheckedRouteInput = ReturnType<typeof RouteInput.parse>;

/** Parses untrusted input (a layout, picks and an optional method); throws `invalid` naming the first bad field. */
export function parseRouteInput(raw: {
  layout: unknown;
  picks: unknown;
  method?: unknown;
}): CheckedRouteInput {
  const parsed = RouteInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0]!;
  const pick = /^picks\.(\d+)/.exec(first.path);
  const message = `${pick ? `pick ${pick[1]}: ` : ''}${first.message} (${first.path})`;
  throw new AppError('invalid', ROUTING_ERRORS.invalid, message, { issues });
}

/** The route for parsed input; `invalid` when a pick lies outside the layout (naming the pick and field). */
export function routePicks(input: CheckedRouteInput): Route {
  const issue = pickIssue(input.layout, input.picks);
  if (issue)
    throw new AppError('invalid', ROUTING_ERRORS.invalid, `${issue.message} (${issue.path})`, {
      issues: [issue],
    });
  return planRoute(input.layout, input.picks, input.method);
}

/** `POST /api/warehouse/route`: any warehouse reader may plan a route. */
export function planPickRoute(actor: Actor, input: CheckedRouteInput): Route {
  requirePermission(actor, 'warehouse.read');
  return routePicks(input);
}
