/**
 * `kehu warehouse route`: a pick route through a layout, from two JSON files, by the routing engine.
 * It opens no database.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ROUTE_METHODS, parseRouteInput, routePicks, type Route } from '../modules/warehouse/index.js';

type RouteFlags = { layout: string; picks: string; method?: string; json?: boolean };

/** Adds `kehu warehouse route` under `warehouse`. */
export function registerRouteCommand(warehouse: Command, stdout: NodeJS.WritableStream): void {
  warehouse
    .command('route')
    .description('plan a pick route through a layout (JSON files; see docs/warehouse-routing.md)')
    .requiredOption('--layout <file>', 'the layout, as JSON')
    .requiredOption('--picks <file>', 'the picks, as a JSON array of {aisle, block, slot}')
    .option('--method <method>', `${ROUTE_METHODS.join(', ')} (default optimal)`)
    .option('--json', 'print the route as one JSON object')
    .action((flags: RouteFlags) => {
      const layout = readJson('--layout', flags.layout);
      const picks = readJson('--picks', flags.picks);
      const input = parseRouteInput({ layout, picks, method: flags.method });
      const route = routePicks(input);
      if (flags.json) {
        stdout.write(`${JSON.stringify(route)}\n`);
        return;
      }
      const comparison = route.method === 's-shape' ? undefined : routePicks({ ...input, method: 's-shape' });
      stdout.write(describeRoute(route, input.picks, comparison));
    });
}

/** A route as a person reads it: the length, whether it is proven optimal, the saving against S-shape, the stops. */
export function describeRoute(
  route: Route,
  picks: { aisle: number; block: number; slot: number }[],
  sShape?: Route,
): string {
  const metres = (m: number) => `${Number(m.toFixed(3))} m`;
  const lines = [
    `route by ${route.method}: ${metres(route.length)}${route.optimal ? ' (proven optimal)' : ''}, ${picks.length} picks`,
  ];
  if (sShape && sShape.length > 0) {
    const saving = sShape.length - route.length;
    lines.push(
      `s-shape: ${metres(sShape.length)}; saving ${metres(saving)} (${((100 * saving) / sShape.length).toFixed(1)}%)`,
    );
  }
  route.sequence.forEach((i, n) => {
    const p = picks[i]!;
    lines.push(`  ${n + 1}. pick ${i}: aisle ${p.aisle}, block ${p.block}, slot ${p.slot}`);
  });
  return `${lines.join('\n')}\n`;
}

function readJson(flag: string, path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `${flag}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new Error(`${flag}: ${path} is not valid JSON: ${(error as Error).message}`);
  }
}
