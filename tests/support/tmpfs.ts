import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small filesystem for fault tests: a tmpfs of `size` (e.g. "8m"), mounted on a fresh folder.
 * Needs root (CI runs as root). It throws when it cannot mount: a fault test that quietly skipped
 * would prove nothing, so it fails loudly instead.
 */
export function mountTmpfs(size: string, options: string[] = []): { dir: string; remountReadOnly(): void; unmount(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'minuta-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', [`size=${size}`, ...options].join(','), 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(
      `Cannot mount a tmpfs for the storage fault tests (they need root, as CI has): ${stderr || String(error)}. ` +
        'This test does not skip: run it as root.',
      { cause: error },
    );
  }
  return {
    dir,
    remountReadOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    unmount: () => {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        // Something still holds a file open: detach it now, the kernel frees it when released.
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the filesystem of `dir` with one file until writing fails (ENOSPC); returns its path. */
export function fillDisk(dir: string, leaveBytes = 0): string {
  const out = execFileSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' });
  const avail = Number(out.trim().split('\n').pop());
  const filler = join(dir, 'filler.bin');
  const size = Math.max(0, avail - leaveBytes);
  try {
    execFileSync('fallocate', ['-l', String(size), filler], { stdio: 'pipe' });
  } catch {
    execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4096', `count=${Math.floor(size / 4096)}`], { stdio: 'pipe' });
  }
  return filler;
}
