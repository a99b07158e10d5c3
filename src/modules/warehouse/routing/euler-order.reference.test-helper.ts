/**
 * The Euler walk as first written (Maps and Sets), kept for tests so the single-block reference
 * shares no code with the engine.
 */

/** One vertical line as walked: its stops front to back, its segment multiplicities, and [back, front] edges to the next line. */
export type WalkedLine = { stops: number[]; depot: boolean; segments: number[]; next: [number, number] };

/** The order in which an Euler tour of the chosen edges, from the depot, first reaches each location. */
export function eulerOrderReference(lines: WalkedLine[]): number[] {
  // vertices: front of line j = 2j, back of line j = 2j+1, stop s of any line = 2*lines + s
  const n = lines.length;
  const graph = new Multigraph();
  lines.forEach((line, j) => {
    const chain = [2 * j, ...line.stops.map((s) => 2 * n + s), 2 * j + 1];
    line.segments.forEach((m, i) => graph.add(chain[i]!, chain[i + 1]!, m));
    if (j < n - 1) {
      const [top, bottom] = line.next;
      graph.add(2 * j, 2 * (j + 1), bottom);
      graph.add(2 * j + 1, 2 * (j + 1) + 1, top);
    }
  });
  const seen = new Set<number>();
  const order: number[] = [];
  for (const v of graph.circuit(2 * lines.findIndex((l) => l.depot)))
    if (v >= 2 * n && !seen.has(v)) {
      seen.add(v);
      order.push(v - 2 * n);
    }
  return order;
}

/** An undirected multigraph with an Euler circuit (every degree even, one component). */
class Multigraph {
  private readonly adjacency = new Map<number, number[]>();
  private readonly edges: [number, number][] = [];

  add(a: number, b: number, times: number): void {
    for (let t = 0; t < times; t++) {
      const id = this.edges.length;
      this.edges.push([a, b]);
      for (const v of [a, b]) {
        const list = this.adjacency.get(v);
        if (list) list.push(id);
        else this.adjacency.set(v, [id]);
      }
    }
  }

  /** The vertices of an Euler circuit from `start` (Hierholzer, iterative). */
  circuit(start: number): number[] {
    const used = new Array<boolean>(this.edges.length).fill(false);
    const pointer = new Map<number, number>();
    const stack = [start];
    const circuit: number[] = [];
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      const list = this.adjacency.get(v) ?? [];
      let p = pointer.get(v) ?? 0;
      while (p < list.length && used[list[p]!]) p++;
      pointer.set(v, p);
      if (p === list.length) {
        circuit.push(stack.pop()!);
        continue;
      }
      used[list[p]!] = true;
      const [a, b] = this.edges[list[p]!]!;
      stack.push(a === v ? b : a);
    }
    return circuit.reverse();
  }
}
