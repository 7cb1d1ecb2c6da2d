/** Percentile of a list of durations (ms), nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

export function report(name: string, samples: readonly number[], target?: string): string {
  const line =
    `${name.padEnd(52)} n=${String(samples.length).padStart(5)}  ` +
    `p50=${percentile(samples, 50).toFixed(3)} ms  p99=${percentile(samples, 99).toFixed(3)} ms` +
    (target ? `   (target ${target})` : '');
  console.log(line);
  return line;
}

export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
