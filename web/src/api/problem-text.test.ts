import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreateCustomerInput } from '../../../src/modules/crm/customer/customer.contract';
import { messageKey } from './problem-text';

/** The messages the server really sends for a customer's name, from its own schema. */
function nameMessage(name: unknown): string {
  const parsed = CreateCustomerInput.safeParse({ kind: 'business', name });
  const issue = parsed.error?.issues.find((i) => i.path[0] === 'name');
  if (!issue) throw new Error('the name was accepted');
  return issue.message;
}

describe('server validation messages in the web', () => {
  it('reads a too long name as too long, not as missing', () => {
    expect(messageKey(nameMessage('名'.repeat(250)))).toBe('validation.tooLong');
    expect(messageKey(z.string().max(5).safeParse('x'.repeat(6)).error!.issues[0]!.message)).toBe(
      'validation.tooLong',
    );
  });

  it('reads a missing or empty name as required', () => {
    expect(messageKey(nameMessage(''))).toBe('validation.required');
    expect(messageKey(nameMessage(undefined))).toBe('validation.required');
    expect(messageKey(z.string().min(1).safeParse('').error!.issues[0]!.message)).toBe('validation.required');
  });

  it('leaves other messages to the server', () => {
    expect(messageKey(nameMessage(42))).toBeUndefined();
    expect(messageKey('no pool named "x"')).toBeUndefined();
  });
});
