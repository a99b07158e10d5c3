/**
 * The demo tenant: created on the first start of an empty database so a new user has something to
 * look at. Idempotent: does nothing when the tenant exists.
 */
import { crmLink, seedDemoCrm } from '../modules/crm/index.js';
import { createIngestRuntime, seedDemoTouchpoints } from '../modules/insights/index.js';
import { seedDemoWarehouse } from '../modules/warehouse/index.js';
import {
  addUser,
  createTeam,
  createTenant,
  findTenantBySlug,
  hasAnyTenant,
  systemActor,
} from '../modules/access/index.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';

/** The demo sign-in, printed at start and in the README. */
export const DEMO_LOGIN = { tenant: 'demo', email: 'admin@demo.kehu.local', password: 'kehu-demo' } as const;

/** Creates the demo tenant with users, a team and `customerCount` customers; returns false when it existed. */
export async function seedDemo(db: Db, clock: Clock, customerCount = 240): Promise<boolean> {
  if (await findTenantBySlug(db, DEMO_LOGIN.tenant)) return false;
  const tenant = await createTenant(db, { slug: DEMO_LOGIN.tenant, name: 'Kehu Demo 客户演示' });
  const admin = systemActor(tenant.id, tenant.slug);
  const boss = await addUser(db, tenant.id, {
    email: DEMO_LOGIN.email,
    name: 'Demo Admin',
    password: DEMO_LOGIN.password,
    role: 'admin',
  });
  const people = [
    { email: 'manager@demo.kehu.local', name: '陈经理 Chen Jing', role: 'sales_manager' as const },
    { email: 'rep1@demo.kehu.local', name: '李销售 Li Na', role: 'sales_rep' as const },
    { email: 'rep2@demo.kehu.local', name: 'Tom Baker', role: 'sales_rep' as const },
    { email: 'warehouse@demo.kehu.local', name: '王仓管 Wang Qiang', role: 'warehouse_manager' as const },
  ];
  const staff = [];
  for (const person of people)
    staff.push(await addUser(db, tenant.id, { ...person, password: DEMO_LOGIN.password }));
  const team = await createTeam(db, admin, {
    name: '华东销售 East China Sales',
    memberIds: staff.slice(0, 3).map((u) => u.id),
  });
  const owners = [boss.id, ...staff.slice(0, 3).map((u) => u.id)];
  const sales = new Set(staff.slice(0, 3).map((u) => u.id));
  await seedDemoCrm(
    { db, clock },
    admin,
    {
      ownerIds: owners,
      teamOf: (userId) => (sales.has(userId) ? team.id : null),
    },
    customerCount,
  );
  // Demo contacts are p0@, p1@… demo-client.cn; some visitors sign in with those addresses.
  const ingest = createIngestRuntime(db);
  try {
    await seedDemoTouchpoints({ db, clock, crm: crmLink, ingest }, admin, (i) => `p${i}@demo-client.cn`);
  } finally {
    await ingest.close();
  }
  await seedDemoWarehouse({ db, clock }, admin);
  return true;
}

/** True when the database has no tenant yet (a fresh install). */
export async function isEmptyInstall(db: Db): Promise<boolean> {
  return !(await hasAnyTenant(db));
}
