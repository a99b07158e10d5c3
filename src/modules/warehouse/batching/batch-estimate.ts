/**
 * The closed-form route estimate the batching search compares candidates by. Each order is reduced to
 * its aisles, and per aisle the lowest and highest pick; a batch's estimate is the length of a real
 * walk through the union of its orders: along the front cross aisle from the depot to the leftmost
 * aisle with picks, aisle by aisle to the rightmost, back to the depot, each aisle either entered and
 * left on the side the picker stands (front or back) or walked through to the other side, chosen by a
 * two-state dynamic programme (the "combined" heuristic). The back is the cross aisle behind the
 * farthest block with picks. Being a real walk, it is never below the optimal route. Pure, no allocation
 * per call.
 */
import { crossAisleY, pickPoint } from '../routing/routing.service.js';
import type { RouteLayout } from '../routing/routing.contract.js';
import type { BatchLine } from './batching.contract.js';

/** The orders' aisle summaries, struct-of-arrays: order i owns entries start[i] .. start[i+1]-1. */
export type OrderProfiles = {
  start: Int32Array;
  aisle: Int32Array;
  low: Float64Array;
  high: Float64Array;
  /** Per order: the farthest block with a pick. */
  farBlock: Int32Array;
};

/** The aisle summaries of every order's lines. */
export function buildProfiles(layout: RouteLayout, orders: { lines: BatchLine[] }[]): OrderProfiles {
  let entries = 0;
  for (const order of orders) entries += order.lines.length;
  const start = new Int32Array(orders.length + 1);
  const aisle = new Int32Array(entries);
  const low = new Float64Array(entries);
  const high = new Float64Array(entries);
  const farBlock = new Int32Array(orders.length);
  let at = 0;
  orders.forEach((order, i) => {
    start[i] = at;
    const first = at;
    let far = 1;
    for (const line of order.lines) {
      const y = pickPoint(layout, line).y;
      far = Math.max(far, line.block);
      let k = first;
      while (k < at && aisle[k] !== line.aisle) k++;
      if (k < at) {
        low[k] = Math.min(low[k]!, y);
        high[k] = Math.max(high[k]!, y);
      } else {
        aisle[at] = line.aisle;
        low[at] = y;
        high[at] = y;
        at++;
      }
    }
    farBlock[i] = far;
  });
  start[orders.length] = at;
  return { start, aisle, low, high, farBlock };
}

/** Estimates walks through unions of orders; one instance per plan (it keeps scratch space). */
export class BatchEstimator {
  private stamp = 0;
  private readonly seen: Int32Array;
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private readonly touched: Int32Array;
  private readonly backOf: Float64Array;
  /** How many estimates were made. */
  evaluations = 0;

  constructor(
    private readonly layout: RouteLayout,
    private readonly profiles: OrderProfiles,
  ) {
    const size = layout.aisles + 1;
    this.seen = new Int32Array(size);
    this.low = new Float64Array(size);
    this.high = new Float64Array(size);
    this.touched = new Int32Array(size);
    this.backOf = Float64Array.from({ length: layout.blocks + 1 }, (_, b) => crossAisleY(layout, b));
  }

  /**
   * The estimate for `orders[0..count)` without order `skip` and with order `add` (-1: none).
   * @example estimator.estimate(batch, batch.length, -1, candidate) // the batch with the candidate added
   */
  estimate(orders: ArrayLike<number>, count: number, skip = -1, add = -1): number {
    this.evaluations++;
    const stamp = ++this.stamp;
    let n = 0;
    let far = 0;
    const { start, aisle, low, high, farBlock } = this.profiles;
    for (let j = 0; j <= count; j++) {
      const o = j < count ? orders[j]! : add;
      if (o < 0 || o === skip) continue;
      far = Math.max(far, farBlock[o]!);
      for (let k = start[o]!; k < start[o + 1]!; k++) {
        const a = aisle[k]!;
        if (this.seen[a] !== stamp) {
          this.seen[a] = stamp;
          this.low[a] = low[k]!;
          this.high[a] = high[k]!;
          this.touched[n++] = a;
        } else {
          if (low[k]! < this.low[a]!) this.low[a] = low[k]!;
          if (high[k]! > this.high[a]!) this.high[a] = high[k]!;
        }
      }
    }
    if (n === 0) return 0;
    // the aisles ascending (insertion sort: a batch touches a few dozen at most)
    const list = this.touched;
    for (let i = 1; i < n; i++) {
      const a = list[i]!;
      let k = i - 1;
      while (k >= 0 && list[k]! > a) {
        list[k + 1] = list[k]!;
        k--;
      }
      list[k + 1] = a;
    }
    const back = this.backOf[far]!;
    let front = 0;
    let behind = Infinity;
    for (let i = 0; i < n; i++) {
      const a = list[i]!;
      const stay = front + 2 * this.high[a]!;
      const stayBack = behind + 2 * (back - this.low[a]!);
      const nextFront = Math.min(stay, behind + back);
      behind = Math.min(stayBack, front + back);
      front = nextFront;
    }
    const pitch = this.layout.aislePitch;
    const depot = this.layout.depot.x;
    const left = Math.min(depot, (list[0]! - 1) * pitch);
    const right = Math.max(depot, (list[n - 1]! - 1) * pitch);
    return front + 2 * (right - left);
  }
}
