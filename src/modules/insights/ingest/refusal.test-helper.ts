/** Catching the AppError a parse refuses with (tests only). */
import { AppError } from '../../../platform/errors.js';

/** The AppError `run` throws; fails the test when it throws nothing or something else. */
export function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
