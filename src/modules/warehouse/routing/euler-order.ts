/** The visiting order of a tour chosen as edge multiplicities: an Euler circuit from the depot. */

/** One vertical line as walked: its stops front to back, its segment multiplicities, and [back, front] edges to the next line. */
export type WalkedLine = { stops: number[]; depot: boolean; segments: number[]; next: [number, number] };

/** The order in which an Euler tour of the chosen edges, from the depot, first reaches each location. */
export function eulerOrder(lines: WalkedLine[]): number[] {
  // vertices: front of line j = 2j, back of line j = 2j+1, stop s of any line = 2*lines + s
  const n = lines.length;
  const graph = new Multigraph();
  for (let j = 0; j < n; j++) {
    const { stops, segments, next } = lines[j]!;
    // the chain front, stops…, back: segment i joins its i-th and (i+1)-th vertices
    const chain = (i: number) => (i === 0 ? 2 * j : i > stops.length ? 2 * j + 1 : 2 * n + stops[i - 1]!);
    for (let i = 0; i < segments.length; i++) graph.add(chain(i), chain(i + 1), segments[i]!);
    if (j < n - 1) {
      graph.add(2 * j, 2 * (j + 1), next[1]);
      graph.add(2 * j + 1, 2 * (j + 1) + 1, next[0]);
    }
  }
  const seen = new Uint8Array(graph.vertices());
  const order: number[] = [];
  for (const v of graph.circuit(2 * lines.findIndex((l) => l.depot)))
    if (v >= 2 * n && seen[v] === 0) {
      seen[v] = 1;
      order.push(v - 2 * n);
    }
  return order;
}

/** An undirected multigraph with an Euler circuit (every degree even, one component); vertices are small integers. */
class Multigraph {
  /** adjacency[v]: the ids of v's edges, in the order they were added. */
  private readonly adjacency: number[][] = [];
  private readonly ends: number[] = [];

  add(a: number, b: number, times: number): void {
    for (let t = 0; t < times; t++) {
      const id = this.ends.length >> 1;
      this.ends.push(a, b);
      (this.adjacency[a] ??= []).push(id);
      (this.adjacency[b] ??= []).push(id);
    }
  }

  /** One more than the largest vertex with an edge. */
  vertices(): number {
    return this.adjacency.length;
  }

  /** The vertices of an Euler circuit from `start` (Hierholzer, iterative). */
  circuit(start: number): number[] {
    const used = new Uint8Array(this.ends.length >> 1);
    const pointer = new Int32Array(Math.max(this.adjacency.length, start + 1));
    const stack = [start];
    const circuit: number[] = [];
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      const list = this.adjacency[v] ?? [];
      let p = pointer[v]!;
      while (p < list.length && used[list[p]!] === 1) p++;
      pointer[v] = p;
      if (p === list.length) {
        circuit.push(stack.pop()!);
        continue;
      }
      used[list[p]!] = 1;
      const a = this.ends[2 * list[p]!]!;
      const b = this.ends[2 * list[p]! + 1]!;
      stack.push(a === v ? b : a);
    }
    return circuit.reverse();
  }
}
