/** The ingest bench's HTTP clients: keep-alive connections posting batches to `/v1/batch`, timed. */
import http from 'node:http';
import { median, now } from './harness.js';

/** Where to send: the app's port and a source's write key. */
export type Target = { port: number; writeKey: string };

/** One timed run of every batch with `clients` connections. */
export type IngestRun = {
  clients: number;
  eventsPerSecond: number;
  batchP50: number;
  batchP95: number;
  retries: number;
};

/** Posts every body (of `batchSize` events each) with `clients` connections; rates and latencies. */
export async function timeIngest(
  target: Target,
  bodies: Buffer[],
  clients: number,
  batchSize: number,
): Promise<IngestRun> {
  const started = now();
  const { latencies, retries } = await sendAll(target, bodies, clients);
  const elapsed = now() - started;
  const events = bodies.length * batchSize;
  latencies.sort((a, b) => a - b);
  return {
    clients,
    eventsPerSecond: (events / elapsed) * 1000,
    batchP50: median(latencies),
    batchP95: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))]!,
    retries,
  };
}

/** Posts every body with `clients` keep-alive connections; a 429 waits its Retry-After and retries. */
export async function sendAll(
  target: Target,
  bodies: readonly Buffer[],
  clients: number,
): Promise<{ latencies: number[]; retries: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const authorization = `Basic ${Buffer.from(`${target.writeKey}:`).toString('base64')}`;
  const latencies: number[] = [];
  let next = 0;
  let retries = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < bodies.length && !failed) {
      const body = bodies[next++]!;
      for (;;) {
        const started = now();
        const answer = await post(agent, target.port, authorization, body);
        if (answer.status === 200) {
          latencies.push(now() - started);
          break;
        }
        if (answer.status !== 429) {
          failed = true;
          throw new Error(`/v1/batch answered ${answer.status}: ${answer.body}`);
        }
        retries++;
        await new Promise((resolve) => setTimeout(resolve, Number(answer.retryAfter ?? 1) * 1000));
      }
    }
  };
  try {
    // Every worker ends before the app closes, also when one failed.
    const results = await Promise.allSettled(Array.from({ length: clients }, worker));
    const rejected = results.find((result) => result.status === 'rejected');
    if (rejected) throw rejected.reason;
  } finally {
    agent.destroy();
  }
  return { latencies, retries };
}

function post(
  agent: http.Agent,
  port: number,
  authorization: string,
  body: Buffer,
): Promise<{ status: number; body: string; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/batch',
        headers: { authorization, 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, 500),
            retryAfter: response.headers['retry-after'],
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
