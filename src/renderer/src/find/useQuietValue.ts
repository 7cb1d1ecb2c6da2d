import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `ms`: counting the words of, or finding a query in, a
 * 200-page meeting takes a few hundred milliseconds, which must never land between two keystrokes.
 */
export function useQuietValue<T>(value: T, ms: number): T {
  const [quiet, setQuiet] = useState(value);
  useEffect(() => {
    if (quiet === value) return;
    const timer = setTimeout(() => setQuiet(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms, quiet]);
  return quiet;
}
