import { describe, expect, it } from 'vitest';
import { testEngine } from '../../../test/helpers/engine.js';
import { isUniqueViolation, sqlState } from './errors.js';
import { isTransientTransactionError, withTransactionRetry } from './retry.js';

const pgError = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(code), { code, ...extra });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query'), { cause });

// Pure: run once, in the PGlite project.
describe.skipIf(testEngine() !== 'pglite')('retrying transactions', () => {
  it('finds the SQLSTATE in a wrapped driver error', () => {
    expect(sqlState(wrapped(wrapped(pgError('40P01'))))).toBe('40P01');
    expect(sqlState(new Error('plain'))).toBeUndefined();
    expect(sqlState('not an error')).toBeUndefined();
    expect(isUniqueViolation(wrapped(pgError('23505', { constraint: 'a_key' })), 'a_key')).toBe(true);
    expect(isUniqueViolation(wrapped(pgError('23505', { constraint: 'a_key' })), 'b_key')).toBe(false);
    expect(isUniqueViolation(pgError('23503'))).toBe(false);
  });

  it('treats deadlocks and serialization failures as transient, nothing else', () => {
    expect(isTransientTransactionError(wrapped(pgError('40P01')))).toBe(true);
    expect(isTransientTransactionError(pgError('40001'))).toBe(true);
    expect(isTransientTransactionError(pgError('23505'))).toBe(false);
    expect(isTransientTransactionError(new Error('boom'))).toBe(false);
  });

  it('runs the work again after a transient failure and returns its result', async () => {
    let calls = 0;
    const seen: number[] = [];
    const result = await withTransactionRetry(
      async () => {
        calls++;
        if (calls < 3) throw wrapped(pgError('40001'));
        return 'done';
      },
      { baseDelayMs: 0, beforeRetry: (_error, attempt) => void seen.push(attempt) },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(seen).toEqual([1, 2]);
  });

  it('stops after the last attempt and throws that failure', async () => {
    let calls = 0;
    const failure = pgError('40P01');
    await expect(
      withTransactionRetry(
        async () => {
          calls++;
          throw failure;
        },
        { attempts: 4, baseDelayMs: 0 },
      ),
    ).rejects.toBe(failure);
    expect(calls).toBe(4);
  });

  it('throws other errors at once', async () => {
    let calls = 0;
    await expect(
      withTransactionRetry(async () => {
        calls++;
        throw pgError('23505');
      }),
    ).rejects.toThrow('23505');
    expect(calls).toBe(1);
  });

  it('retries what a custom predicate accepts', async () => {
    let calls = 0;
    const result = await withTransactionRetry(
      async () => {
        if (++calls === 1) throw pgError('23505');
        return calls;
      },
      { isRetryable: (error) => sqlState(error) === '23505', baseDelayMs: 0 },
    );
    expect(result).toBe(2);
  });
});
