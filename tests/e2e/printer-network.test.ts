import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../../src/main/export/pdf/chromium';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { exportMeeting } from '../../src/main/export';
import { FIXTURES, loadFixture, tempDir } from '../support/temp';
import { tool } from '../support/exportText';
import { nonLoopbackConnects } from '../support/strace';
import { launchBrowser, withApp } from './harness';

/**
 * The printer never reaches the network: every Chromium we start (the CLI's printer, the tests'
 * printer, the end-to-end browser) runs under `strace -f`, and any connect() or send to an IPv4 or IPv6
 * address that is not loopback fails the test. See src/main/security/network.ts for the switches.
 */

let tmp: ReturnType<typeof tempDir>;
let traces = 0;

beforeAll(() => {
  tmp = tempDir('minuta-net-');
  tool('strace', 'strace', ['-V']);
});
afterAll(() => tmp?.cleanup());

/** A wrapper that starts the Chromium we would start, traced; `log()` reads what it did. */
function tracedChromium(): { path: string; log: () => string } {
  const n = ++traces;
  const log = join(tmp.dir, `trace-${n}.log`);
  const path = join(tmp.dir, `chromium-traced-${n}`);
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(path, `#!/bin/sh\nexec strace -f -qq -e trace=connect,sendto,sendmsg -o ${q(log)} ${q(chromiumPath())} "$@"\n`, { mode: 0o755 });
  return { path, log: () => readFileSync(log, 'utf8') };
}

/** What a trace must show before its silence means anything: it followed Chromium's processes and saw their sockets. */
function expectTraceWorked(log: string) {
  const pids = new Set(log.split('\n').map((l) => /^(\d+)\s/.exec(l)?.[1]).filter(Boolean));
  expect(pids.size, 'strace followed several Chromium processes').toBeGreaterThan(2);
  expect(log, 'strace saw Chromium talk to its own processes').toMatch(/(connect|sendmsg)\(/);
}

function expectNoneOffMachine(log: string) {
  const off = nonLoopbackConnects(log);
  expect(
    off.map((o) => `${o.call} ${o.address}`),
    `Chromium tried to reach another machine:\n${off.slice(0, 5).map((o) => o.line.slice(0, 300)).join('\n')}`,
  ).toEqual([]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Chromium reaches nothing but this machine', () => {
  it('when the CLI prints a PDF (minuta export --format pdf)', () => {
    expect(existsSync('out/main/cli.js'), 'run npm run build first').toBe(true);
    const traced = tracedChromium();
    const bin = resolve('bin/minuta.js');
    const db = join(tmp.dir, 'cli.sqlite');
    const env = { ...process.env, MINUTA_AUTHOR: 'tester', MINUTA_CHROMIUM: traced.path };
    const imported = spawnSync(process.execPath, [bin, '--db', db, 'import', FIXTURES[2019]], { encoding: 'utf8', env });
    expect(imported.status, imported.stderr).toBe(0);
    const out = join(tmp.dir, 'cli.pdf');
    const r = spawnSync(process.execPath, [bin, '--db', db, 'export', imported.stdout.trim(), '--format', 'pdf', '--out', out], { encoding: 'utf8', env, timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const log = traced.log();
    expectTraceWorked(log);
    expectNoneOffMachine(log);
  }, 120_000);

  it('when the test printer prints and stays open, and while the end-to-end browser runs the app', async () => {
    // The browser's own services start in its first seconds; the printer is kept open for them.
    const printerTrace = tracedChromium();
    const printer = new PlaywrightPrinter({ executablePath: printerTrace.path });
    try {
      const pdf = await exportMeeting(loadFixture(2018), 'pdf', { printer });
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
      await sleep(4_000);
    } finally {
      await printer.close();
    }

    const appTrace = tracedChromium();
    const browser = await launchBrowser({ executablePath: appTrace.path });
    try {
      await withApp(browser, async (app) => {
        await app.page.getByTestId('meetings-empty').waitFor();
        await sleep(4_000);
      });
    } finally {
      await browser.close();
    }

    for (const log of [printerTrace.log(), appTrace.log()]) {
      expectTraceWorked(log);
      expectNoneOffMachine(log);
    }
  }, 120_000);
});
