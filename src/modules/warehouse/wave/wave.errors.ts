/** Error codes of waves. */
import { AppError } from '../../../platform/errors.js';
import { WAVE_ERRORS } from './wave.contract.js';

/** No wave with this id in the tenant. */
export const waveNotFound = (id: string): AppError =>
  new AppError('not_found', WAVE_ERRORS.notFound, `No wave ${id}.`);

/** Only a released wave (picking has not started) is cancelled. */
export const waveNotCancellable = (status: string): AppError =>
  new AppError('conflict', WAVE_ERRORS.notCancellable, `A ${status} wave cannot be cancelled.`, {
    details: { waveStatus: status },
  });

/** Picking starts from a released wave only. */
export const waveNotReleased = (status: string): AppError =>
  new AppError('conflict', WAVE_ERRORS.notReleased, `A ${status} wave cannot start picking.`, {
    details: { waveStatus: status },
  });
