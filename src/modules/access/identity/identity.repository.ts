/** Queries on tenants, users, memberships, teams, sessions and API keys. No rules here. */
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { apiKeys, memberships, sessions, teamMembers, teams, tenants, users } from './identity.table.js';

export type TenantRow = typeof tenants.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

export const findTenantBySlug = async (db: Db, slug: string): Promise<TenantRow | undefined> =>
  (await db.select().from(tenants).where(eq(tenants.slug, slug)))[0];

export const findTenantById = async (db: Db, id: string): Promise<TenantRow | undefined> =>
  (await db.select().from(tenants).where(eq(tenants.id, id)))[0];

export const countTenants = async (db: Db): Promise<number> =>
  (await db.select({ n: count() }).from(tenants))[0]?.n ?? 0;

/** Every tenant's id, oldest first. */
export const listTenantIds = async (db: Db): Promise<string[]> =>
  (await db.select({ id: tenants.id }).from(tenants).orderBy(asc(tenants.createdAt), asc(tenants.id))).map(
    (row) => row.id,
  );

export const insertTenant = async (db: Db, row: typeof tenants.$inferInsert): Promise<void> => {
  await db.insert(tenants).values(row);
};

export const findUserByEmail = async (db: Db, email: string): Promise<UserRow | undefined> =>
  (
    await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`)
  )[0];

export const findUserById = async (db: Db, id: string): Promise<UserRow | undefined> =>
  (await db.select().from(users).where(eq(users.id, id)))[0];

export const insertUser = async (db: Db, row: typeof users.$inferInsert): Promise<void> => {
  await db.insert(users).values(row);
};

/** The name and email of each of these users (ids with no user are left out). */
export const listUserNames = async (db: Db, ids: string[]) =>
  db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids));

export const updateUserLocale = async (db: Db, id: string, locale: string): Promise<void> => {
  await db.update(users).set({ locale }).where(eq(users.id, id));
};

export const upsertMembership = async (db: Db, row: typeof memberships.$inferInsert): Promise<void> => {
  await db
    .insert(memberships)
    .values(row)
    .onConflictDoUpdate({
      target: [memberships.tenantId, memberships.userId],
      set: { role: row.role, scope: row.scope ?? null },
    });
};

export const findMembership = async (db: Db, tenantId: string, userId: string) =>
  (
    await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
  )[0];

export const listMembershipsOfUser = async (db: Db, userId: string) =>
  db
    .select({ tenantId: memberships.tenantId, slug: tenants.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));

export const listMembersOfTenant = async (db: Db, tenantId: string) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      scope: memberships.scope,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(users.name));

export const listTeamIdsOfUser = async (db: Db, tenantId: string, userId: string): Promise<string[]> =>
  (
    await db
      .select({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.tenantId, tenantId), eq(teamMembers.userId, userId)))
  ).map((r) => r.teamId);

export const listTeams = async (db: Db, tenantId: string) =>
  db
    .select({
      id: teams.id,
      name: teams.name,
      memberIds: sql<
        string[]
      >`coalesce(array_agg(${teamMembers.userId}) filter (where ${teamMembers.userId} is not null), '{}')`,
    })
    .from(teams)
    .leftJoin(teamMembers, and(eq(teamMembers.tenantId, teams.tenantId), eq(teamMembers.teamId, teams.id)))
    .where(eq(teams.tenantId, tenantId))
    .groupBy(teams.id, teams.name)
    .orderBy(asc(teams.name));

export const findTeam = async (db: Db, tenantId: string, id: string) =>
  (
    await db
      .select()
      .from(teams)
      .where(and(eq(teams.tenantId, tenantId), eq(teams.id, id)))
  )[0];

export const insertTeam = async (db: Db, row: typeof teams.$inferInsert): Promise<void> => {
  await db.insert(teams).values(row);
};

export const addTeamMember = async (
  db: Db,
  tenantId: string,
  teamId: string,
  userId: string,
): Promise<void> => {
  await db.insert(teamMembers).values({ tenantId, teamId, userId }).onConflictDoNothing();
};

export const insertSession = async (db: Db, row: typeof sessions.$inferInsert): Promise<void> => {
  await db.insert(sessions).values(row);
};

/**
 * The member behind a live session (it runs on every request); its teams are a second query with the
 * tenant as a constant (`listTeamIdsOfUser`): team_members is sharded by tenant, and Citus refuses a
 * correlated subquery on it when the FROM clause holds reference tables.
 */
export const findSessionMember = async (db: Db, tokenHash: string, now: Date) =>
  (
    await db
      .select({
        userId: sessions.userId,
        tenantId: sessions.tenantId,
        tenantSlug: tenants.slug,
        role: memberships.role,
        scope: memberships.scope,
      })
      .from(sessions)
      .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
      .innerJoin(
        memberships,
        and(eq(memberships.tenantId, sessions.tenantId), eq(memberships.userId, sessions.userId)),
      )
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
  )[0];

export const deleteExpiredSessions = async (db: Db, userId: string, now: Date): Promise<void> => {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now)));
};

export const deleteSession = async (db: Db, tokenHash: string): Promise<void> => {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
};

export const insertApiKey = async (db: Db, row: typeof apiKeys.$inferInsert): Promise<void> => {
  await db.insert(apiKeys).values(row);
};

export const findLiveApiKeyByHash = async (
  db: Db,
  keyHash: string,
  now: Date,
): Promise<ApiKeyRow | undefined> =>
  (
    await db
      .select()
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.keyHash, keyHash),
          isNull(apiKeys.revokedAt),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        ),
      )
  )[0];

/** A live key of the tenant, locked (rotation reads it, then shortens it). */
export const findLiveApiKey = async (
  db: Db,
  tenantId: string,
  id: string,
  now: Date,
): Promise<ApiKeyRow | undefined> =>
  (
    await db
      .select()
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.tenantId, tenantId),
          eq(apiKeys.id, id),
          isNull(apiKeys.revokedAt),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        ),
      )
      .for('update')
  )[0];

export const setApiKeyExpiry = async (
  db: Db,
  tenantId: string,
  id: string,
  expiresAt: Date,
): Promise<void> => {
  await db
    .update(apiKeys)
    .set({ expiresAt })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)));
};

export const touchApiKey = async (db: Db, id: string, now: Date): Promise<void> => {
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
};

export const listApiKeys = async (db: Db, tenantId: string): Promise<ApiKeyRow[]> =>
  db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantId)).orderBy(desc(apiKeys.createdAt));

export const revokeApiKey = async (db: Db, tenantId: string, id: string, now: Date): Promise<boolean> => {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
};

export const updateMembership = async (
  db: Db,
  tenantId: string,
  userId: string,
  set: { role?: string; scope?: string | null },
): Promise<void> => {
  await db
    .update(memberships)
    .set(set)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
};

export const deleteMembership = async (db: Db, tenantId: string, userId: string): Promise<void> => {
  await db.delete(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
};

export const countAdmins = async (db: Db, tenantId: string): Promise<number> =>
  (
    await db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'admin')))
  )[0]?.n ?? 0;

export const listTeamMemberships = async (db: Db, tenantId: string) =>
  db
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
    .from(teamMembers)
    .where(eq(teamMembers.tenantId, tenantId));

export const removeUserFromTeams = async (db: Db, tenantId: string, userId: string): Promise<void> => {
  await db.delete(teamMembers).where(and(eq(teamMembers.tenantId, tenantId), eq(teamMembers.userId, userId)));
};

export const removeTeamMembers = async (db: Db, tenantId: string, teamId: string): Promise<void> => {
  await db.delete(teamMembers).where(and(eq(teamMembers.tenantId, tenantId), eq(teamMembers.teamId, teamId)));
};

export const renameTeam = async (db: Db, tenantId: string, id: string, name: string): Promise<void> => {
  await db
    .update(teams)
    .set({ name })
    .where(and(eq(teams.tenantId, tenantId), eq(teams.id, id)));
};

export const deleteSessionsInTenant = async (db: Db, tenantId: string, userId: string): Promise<void> => {
  await db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId)));
};
