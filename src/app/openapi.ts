/** The OpenAPI document as the app generates it, without a database (nothing is queried to build it). */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { systemClock } from '../platform/clock.js';
import { buildApp } from './app.js';

/** Builds the app on an unconnected pool and returns its OpenAPI document as formatted JSON. */
export async function renderOpenApi(): Promise<string> {
  const pool = new pg.Pool();
  const app = await buildApp({ db: drizzle(pool), clock: systemClock, logLevel: false, serveWeb: false });
  await app.ready();
  const document = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  await pool.end();
  return document;
}
