/** Errors of funnels. */
import { invalidField } from '../../../platform/errors.js';
import { FUNNEL_ERRORS } from './funnel.contract.js';

/** A segment was named: funnels over a segment are not available yet. */
export function segmentUnknown(segmentId: string): Error {
  return invalidField(FUNNEL_ERRORS.segmentUnknown, 'segmentId', `no segment ${segmentId}`);
}
