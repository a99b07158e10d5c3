/** Keeps showing what a dialog was opened for while it fades out after the caller has let go of it. */
import { useState } from 'react';

/** `value` while it is present, else the last present value, so a closing dialog does not go blank. */
export function useLastPresent<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  // Adjusting state during render (not in an effect) avoids one frame of the stale value.
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}
