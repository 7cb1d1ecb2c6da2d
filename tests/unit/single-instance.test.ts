import { describe, expect, it } from 'vitest';
import { claimSingleInstance, routeLaunches, type FocusableWindow, type InstanceApp } from '../../src/main/singleInstance';

/** Electron's app as far as the module sees it: whether the lock is free, and the events it emits. */
function fakeApp(lockFree: boolean) {
  const listeners = new Map<string, (() => void)[]>();
  const calls: string[] = [];
  const app: InstanceApp = {
    requestSingleInstanceLock: () => {
      calls.push('lock');
      return lockFree;
    },
    quit: () => void calls.push('quit'),
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
  };
  const emit = (event: string) => (listeners.get(event) ?? []).forEach((l) => l());
  return { app, calls, emit };
}

function fakeWindow(minimized = false) {
  const calls: string[] = [];
  let isMin = minimized;
  const win: FocusableWindow = {
    isDestroyed: () => false,
    isMinimized: () => isMin,
    restore: () => {
      isMin = false;
      calls.push('restore');
    },
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { win, calls };
}

describe('one instance', () => {
  it('the first launch takes the lock and carries on', () => {
    const { app, calls } = fakeApp(true);
    expect(claimSingleInstance(app)).toBe(true);
    expect(calls).toEqual(['lock']);
  });

  it('a second launch quits at once (and starts nothing)', () => {
    const { app, calls } = fakeApp(false);
    expect(claimSingleInstance(app)).toBe(false);
    expect(calls).toEqual(['lock', 'quit']);
  });

  it('the running instance brings its window to the front when someone launches Minuta again', () => {
    const { app, emit } = fakeApp(true);
    const { win, calls } = fakeWindow(true);
    let opened = 0;
    routeLaunches(app, { all: () => [win], open: () => void opened++ });
    emit('second-instance');
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(opened).toBe(0);
  });

  it('opens a window on a second launch or on activate only when none is open', () => {
    const { app, emit } = fakeApp(true);
    const windows: FocusableWindow[] = [];
    let opened = 0;
    routeLaunches(app, { all: () => windows, open: () => void (opened++, windows.push(fakeWindow().win)) });
    emit('activate');
    expect(opened).toBe(1);
    emit('activate'); // macOS Dock click with the window open: nothing new
    emit('second-instance');
    expect(opened).toBe(1);
  });
});
