/**
 * The batch pipeline of an import. A batch is read (CPU: normalising and checking cells), looked up
 * and planned (one round of queries), then written (one transaction). These overlap: while batch n
 * is written, batch n+1 is looked up and planned and batch n+2 is read, and two writes may be in
 * flight at once, so the database and the Node thread both stay busy. Planning stays in file order,
 * which is what lets a row see the rows before it.
 */

/** The steps of a batch: `Read` is a read batch, `Plan` its plan, `Outcome` what a row came to. */
export type BatchSteps<Row, Read, Plan, Outcome> = {
  read(rows: Row[]): Promise<Read>;
  plan(read: Read): Promise<Plan>;
  /** True when the plan touches customers that earlier, maybe unwritten, batches create. */
  needsEarlierWrites(plan: Plan): boolean;
  write(plan: Plan): Promise<Outcome[]>;
  /** Hears each batch's outcomes, in file order, with how many rows are done. */
  done(outcomes: Outcome[], rowsDone: number): void;
};

type Settled<T> = { value: T } | { error: unknown };

/** The promise's outcome as a value, so an unawaited failure is never an unhandled rejection. */
const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

function unwrap<T>(settled: Settled<T>): T {
  if ('error' in settled) throw settled.error;
  return settled.value;
}

/** Runs `rows` through the steps in batches of `size`, with at most `maxWrites` writes in flight. */
export async function runBatches<Row, Read, Plan, Outcome>(
  rows: Row[],
  size: number,
  steps: BatchSteps<Row, Read, Plan, Outcome>,
  maxWrites = 2,
): Promise<void> {
  const batches: Row[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  const writes: { result: Promise<Settled<Outcome[]>>; end: number }[] = [];
  const finishOldest = async () => {
    const write = writes.shift()!;
    steps.done(unwrap(await write.result), write.end);
  };
  const readAt = (b: number) => (b < batches.length ? settle(steps.read(batches[b]!)) : undefined);
  let reading = readAt(0);
  try {
    for (let b = 0; reading; b++) {
      const read = unwrap(await reading);
      reading = readAt(b + 1);
      const plan = await steps.plan(read);
      if (steps.needsEarlierWrites(plan)) while (writes.length) await finishOldest();
      writes.push({ result: settle(steps.write(plan)), end: Math.min((b + 1) * size, rows.length) });
      while (writes.length >= maxWrites) await finishOldest();
    }
    while (writes.length) await finishOldest();
  } finally {
    // After a failure, let what was started finish before the caller moves on (and closes the pool).
    await Promise.all([reading, ...writes.map((write) => write.result)]);
  }
}
