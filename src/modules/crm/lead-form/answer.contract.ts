/**
 * Answers to a requirements form: a value per field key, type-checked against the field, and which
 * required fields are still unanswered. Pure helpers the lead feature and the web app share.
 */
import type { FieldIssue } from '../../../platform/errors.js';
import type { FormField } from './lead-form.contract.js';

/** One answer: text, a number, a yes/no, a date (`YYYY-MM-DD`), a file link, or the chosen options. */
export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 5000;

/** True for a real calendar date written `YYYY-MM-DD`. */
function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** What is wrong with `value` as an answer to `field`; undefined when it fits. */
export function answerProblem(
  field: Pick<FormField, 'type' | 'options'>,
  value: unknown,
): string | undefined {
  const options = field.options ?? [];
  switch (field.type) {
    case 'text':
    case 'file':
      return typeof value === 'string' && value.length <= MAX_TEXT ? undefined : 'expected text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'expected a number';
    case 'yes_no':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'date':
      return typeof value === 'string' && (value === '' || isDate(value)) ? undefined : 'expected YYYY-MM-DD';
    case 'choice':
      return typeof value === 'string' && (value === '' || options.includes(value))
        ? undefined
        : `expected one of: ${options.join(', ')}`;
    case 'multi_choice':
      return Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && options.includes(v)) &&
        new Set(value).size === value.length
        ? undefined
        : `expected a list of: ${options.join(', ')}`;
  }
}

/**
 * Checks answers against a form's fields: an issue at `answers.<key>` for each unknown key or value
 * of the wrong type. `null` is allowed (it clears the answer).
 */
export function checkAnswers(
  fields: readonly Pick<FormField, 'key' | 'type' | 'options'>[],
  answers: Record<string, unknown>,
): FieldIssue[] {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(answers)) {
    const field = byKey.get(key);
    const problem = field ? (value === null ? undefined : answerProblem(field, value)) : 'no such field';
    if (problem) issues.push({ path: `answers.${key}`, message: problem });
  }
  return issues;
}

/** True when an answer counts as not given: absent, an empty string, an empty list. */
export function isUnanswered(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The keys of required fields without an answer, in the form's order. */
export function missingFields(
  fields: readonly Pick<FormField, 'key' | 'required'>[],
  answers: Record<string, unknown>,
): string[] {
  return fields.filter((field) => field.required && isUnanswered(answers[field.key])).map((f) => f.key);
}

/** Answers merged: new values replace old ones, `null` removes one. */
export function mergeAnswers(current: Answers, changes: Record<string, unknown>): Answers {
  const merged: Answers = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value as AnswerValue;
  }
  return merged;
}
