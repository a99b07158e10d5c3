/** The world the customers bench measures in: its sizes, and tenants with reps and a pool. */
import type { Actor } from '../src/platform/auth/actor.js';
import { actorForMember, addUser, createTenant, type Role } from '../src/modules/access/index.js';
import type { Db } from '../src/platform/db/database.js';
import { newId } from '../src/platform/ids.js';
import { pools } from '../src/modules/crm/pool/pool.table.js';

export const REPS = 20;
/** Rows per generating statement. */
export const CHUNK = 100_000;
/** "Now" for every generated date. */
export const AT = new Date('2026-01-15T08:00:00Z');
export const POOL_NAME = '公海';

export type Sizes = { customers: number; listRuns: number; importRows: number; importExisting: number };

export function readSizes(): Sizes {
  const read = (name: string, fallback: number): number => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
    return value;
  };
  return {
    customers: read('KEHU_BENCH_CUSTOMERS', 1_000_000),
    listRuns: read('KEHU_BENCH_LIST_RUNS', 200),
    importRows: read('KEHU_BENCH_IMPORT_ROWS', 100_000),
    importExisting: read('KEHU_BENCH_IMPORT_EXISTING', 100_000),
  };
}

/** A tenant with an admin, `REPS` sales reps owning its customers, and one pool. */
export type BenchTenant = {
  id: string;
  admin: Actor;
  reps: Actor[];
  /** The reps' emails, as an import's owner column names them. */
  emails: string[];
  load: { tenantId: string; ownerIds: string[]; poolId: string };
};

export async function seedTenant(db: Db, slug: string): Promise<BenchTenant> {
  const tenant = await createTenant(db, { slug, name: `Bench ${slug}` });
  const emailOf = (role: Role, n: number): string => `${role}-${n}@${slug}.bench`;
  const member = async (role: Role, n: number): Promise<Actor> => {
    const user = await addUser(db, tenant.id, {
      email: emailOf(role, n),
      name: `${role} ${n}`,
      password: 'bench-password',
      role,
    });
    return (await actorForMember(db, tenant, user.id, 'session'))!;
  };
  const admin = await member('admin', 0);
  const reps: Actor[] = [];
  for (let n = 1; n <= REPS; n++) reps.push(await member('sales_rep', n));
  const poolId = newId();
  await db
    .insert(pools)
    .values({ tenantId: tenant.id, id: poolId, name: POOL_NAME, isDefault: true, createdAt: AT });
  return {
    id: tenant.id,
    admin,
    reps,
    emails: reps.map((_, n) => emailOf('sales_rep', n + 1)),
    load: { tenantId: tenant.id, ownerIds: reps.map((r) => r.userId!), poolId },
  };
}
