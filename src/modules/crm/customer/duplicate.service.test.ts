import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeTenant, makeUser } from '../../../../test/helpers/factories.js';
import { systemClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { isAppError } from '../../../platform/errors.js';
import { createCustomer } from '../customer/customer.service.js';
import { listDuplicates } from './duplicate-list.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const deps = () => ({ db: database.db, clock: systemClock });

describe('duplicate candidates', () => {
  it('finds Chinese company names that differ in brackets and legal form, and phones in any notation', async () => {
    const { admin } = await makeTenant(database.db);
    const create = (input: Parameters<typeof createCustomer>[2]) =>
      createCustomer(deps(), admin.actor, { allowDuplicate: true, ...input });
    const huawei = await create({
      kind: 'business',
      name: '华为技术（深圳）有限公司',
      phone: '138-0013-8000',
    });
    const halfWidth = await create({ kind: 'business', name: '华为技术(深圳)有限公司' });
    const samePhone = await create({ kind: 'consumer', name: '张伟', phone: '8613800138000' });
    const both = await create({
      kind: 'business',
      name: '华为技术 (深圳) 股份有限公司',
      phone: '+86 138 0013 8000',
    });
    await create({ kind: 'business', name: '华为技术（深圳）有限公司北京分公司' });
    await create({ kind: 'consumer', name: '张伟', phone: '13900139000' });

    const { items } = await listDuplicates(deps(), admin.actor, huawei.id);
    expect(items).toEqual([
      {
        id: both.id,
        name: both.name,
        kind: 'business',
        ownerUserId: admin.id,
        poolId: null,
        matchedOn: ['phone', 'name'],
      },
      ...[
        {
          id: halfWidth.id,
          name: halfWidth.name,
          kind: 'business',
          ownerUserId: admin.id,
          poolId: null,
          matchedOn: ['name'],
        },
        {
          id: samePhone.id,
          name: '张伟',
          kind: 'consumer',
          ownerUserId: admin.id,
          poolId: null,
          matchedOn: ['phone'],
        },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    ]);
    // Consumers are not matched by name: two people called 张伟 are not one customer.
    expect((await listDuplicates(deps(), admin.actor, samePhone.id)).items.map((c) => c.id).sort()).toEqual(
      [huawei.id, both.id].sort(),
    );
  });

  it("shows a rep the colleague's customer that duplicates theirs, but not a customer they cannot see", async () => {
    const { tenant, admin } = await makeTenant(database.db);
    const rep = await makeUser(database.db, tenant, 'sales_rep');
    const colleague = await makeUser(database.db, tenant, 'sales_rep');
    const theirs = await createCustomer(deps(), colleague.actor, {
      kind: 'consumer',
      name: 'Lily',
      email: 'lily@x.cn',
    });
    const mine = await createCustomer(deps(), rep.actor, {
      kind: 'consumer',
      name: 'Lily W',
      email: 'LILY@x.cn',
      allowDuplicate: true,
    });
    expect((await listDuplicates(deps(), rep.actor, mine.id)).items).toEqual([
      {
        id: theirs.id,
        name: 'Lily',
        kind: 'consumer',
        ownerUserId: colleague.id,
        poolId: null,
        matchedOn: ['email'],
      },
    ]);
    const error = await listDuplicates(deps(), rep.actor, theirs.id).catch((e: unknown) => e);
    expect(isAppError(error, 'not_found')).toBe(true);
    void admin;
  });
});
