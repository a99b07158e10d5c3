/** Error codes of event sources. */
import { AppError } from '../../../platform/errors.js';

/** Another source of the tenant has this name (or it is the name Kehu's own source uses). */
export const sourceNameTaken = (name: string): AppError =>
  new AppError('conflict', 'insights.source.name_taken', `A source named "${name}" exists already.`, {
    issues: [{ path: 'name', message: 'taken' }],
  });

/** No source with this id (or name) in the tenant. */
export const sourceNotFound = (idOrName: string): AppError =>
  new AppError('not_found', 'insights.source.not_found', `No source ${idOrName}.`);
