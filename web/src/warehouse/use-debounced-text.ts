/** A text box whose value reaches the address only once the user pauses typing. */
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/** The box's text and its setter; `apply` gets the trimmed text (undefined when empty) 300 ms after typing stops. */
export function useDebouncedText(
  initial: string | undefined,
  apply: (text: string | undefined) => void,
): [string, (text: string) => void] {
  const [text, setText] = useState(initial ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const applied = useRef(debounced);
  const latestApply = useRef(apply);
  useEffect(() => {
    latestApply.current = apply;
  });
  useEffect(() => {
    if (applied.current === debounced) return;
    applied.current = debounced;
    latestApply.current(debounced || undefined);
  }, [debounced]);
  return [text, setText];
}
