/**
 * The public form link: staff share a lead's form; whoever holds the link reads that one form and
 * answers it without signing in, until the link expires or the lead is qualified. Only the token's
 * SHA-256 is stored, and a new link replaces the previous one. The link's token is
 * `<tenant id>.<secret>`: leads are sharded by tenant, so the lookup names its tenant instead of
 * searching every tenant for the secret.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { hashToken, newToken } from '../../../platform/auth/secrets.js';
import { DAY_MS } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { CrmDeps } from '../crm-deps.js';
import { findFormVersion } from '../lead-form/lead-form.service.js';
import type { PublicForm, ShareInput, ShareLink } from './lead.contract.js';
import {
  leadConverted,
  leadFormClosed,
  leadLinkExpired,
  leadLinkNotFound,
  leadNoForm,
  leadNotFound,
} from './lead.errors.js';
import * as repo from './lead.repository.js';
import { applyAnswers } from './lead-status.service.js';

/** How long a link works unless the request says otherwise. */
export const SHARE_DAYS = 14;

/** Where the web app shows a shared form: `<origin>/f/<token>`. */
export const PUBLIC_FORM_PATH = '/f/';

/** Makes a new public link to a lead's form (replacing any earlier one). */
export async function shareLead(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: ShareInput,
  origin: string,
): Promise<ShareLink> {
  requirePermission(actor, 'customers.write');
  const row = await repo.findVisibleLead(deps.db, actor, id);
  if (!row) throw leadNotFound(id);
  if (row.convertedAt) throw leadConverted(id, row.customerId);
  if (!row.formId) throw leadNoForm(id);
  const token = newToken(32);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + (input.expiresInDays ?? SHARE_DAYS) * DAY_MS);
  await repo.updateLead(deps.db, actor, id, { shareTokenHash: hashToken(token), shareExpiresAt: expiresAt });
  return {
    url: `${origin}${PUBLIC_FORM_PATH}${actor.tenantId}.${token}`,
    expiresAt: expiresAt.toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The lead a link's token (`<tenant id>.<secret>`) opens; 404 when unknown, 410 when expired. */
async function leadOfToken(db: Db, token: string, now: Date): Promise<repo.LeadRow> {
  const dot = token.indexOf('.');
  const [tenantId, secret] = [token.slice(0, dot), token.slice(dot + 1)];
  const row =
    dot > 0 && secret && UUID.test(tenantId)
      ? await repo.findLeadByShareToken(db, tenantId, hashToken(secret))
      : undefined;
  if (!row?.shareExpiresAt || !row.formId) throw leadLinkNotFound();
  if (row.shareExpiresAt.getTime() <= now.getTime()) throw leadLinkExpired();
  return row;
}

/** True while the customer may still change the answers. */
const isEditable = (row: repo.LeadRow): boolean =>
  (row.status === 'new' || row.status === 'working') && !row.convertedAt;

/** What the public page shows. */
async function publicFormOf(db: Db, row: repo.LeadRow): Promise<PublicForm> {
  const form = await findFormVersion(db, row.tenantId, row.formId!, row.formVersion ?? undefined);
  return {
    language: row.language as PublicForm['language'],
    leadName: row.name,
    form: { name: form.name, fields: form.fields },
    answers: row.answers as PublicForm['answers'],
    editable: isEditable(row),
    expiresAt: row.shareExpiresAt!.toISOString(),
  };
}

/** The form a public link opens, with the answers so far. */
export async function getPublicForm(deps: CrmDeps, token: string): Promise<PublicForm> {
  return publicFormOf(deps.db, await leadOfToken(deps.db, token, deps.clock.now()));
}

/** Answers posted through a public link: merged like staff answers, refused once the lead is qualified. */
export async function submitPublicAnswers(
  deps: CrmDeps,
  token: string,
  answers: Record<string, unknown>,
): Promise<PublicForm> {
  const now = deps.clock.now();
  const found = await leadOfToken(deps.db, token, now);
  const row = await deps.db.transaction(async (tx) => {
    const current = await repo.lockLead(tx, found.tenantId, found.id);
    // The link may have been replaced while we waited for the lock.
    if (!current || current.shareTokenHash !== found.shareTokenHash) throw leadLinkNotFound();
    if (!isEditable(current)) throw leadFormClosed();
    return applyAnswers(tx, current.tenantId, current, answers, now);
  });
  return publicFormOf(deps.db, row);
}
