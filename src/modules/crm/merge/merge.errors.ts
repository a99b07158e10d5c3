import { AppError, type FieldIssue } from '../../../platform/errors.js';

/** The merge request itself is wrong (e.g. a customer merged into itself). */
export const mergeInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    'crm.merge.invalid',
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

/** Customers named in `from` do not exist in the tenant or are outside the actor's scope. */
export const mergeSourcesNotFound = (
  missing: { index: number; id: string; mergedInto?: string }[],
): AppError =>
  new AppError(
    'not_found',
    'crm.merge.source_not_found',
    `No customer ${missing.map((m) => m.id).join(', ')} to merge.`,
    {
      issues: missing.map((m) => ({
        path: `from.${m.index}`,
        message: m.mergedInto ? `merged into ${m.mergedInto} already` : 'no such customer',
      })),
      details: { missingIds: missing.map((m) => m.id) },
    },
  );

/** A customer of the merge changed hands (merged or deleted) while the merge ran; try again. */
export const mergeRaced = (ids: string[]): AppError =>
  new AppError(
    'conflict',
    'crm.merge.changed',
    `Customer ${ids.join(', ')} was merged or removed meanwhile; reload and try again.`,
    { details: { ids } },
  );
