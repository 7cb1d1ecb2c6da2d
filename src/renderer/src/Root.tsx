import { useEffect, useState } from 'react';
import type { Response, StartupState } from '../../shared/ipc/contract';
import { call } from './api/client';
import { App } from './App';
import { StartupErrorScreen } from './screens/StartupErrorScreen';


type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; state: Extract<StartupState, { status: 'failed' }> }
  | { phase: 'ready'; info: Response<'appInfo'> };

/**
 * Asks the main process first whether it could open the database: if not, the startup error screen
 * replaces the app (whose every call would fail); if the database is read-only, the app shows a banner.
 */
export function Root() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  useEffect(() => {
    void (async () => {
      const state = await call('startupState', undefined);
      if (state.status === 'failed') return setBoot({ phase: 'failed', state });
      setBoot({ phase: 'ready', info: await call('appInfo', undefined) });
    })();
  }, []);
  if (boot.phase === 'loading') return <p className="loading">Opening the database…</p>;
  if (boot.phase === 'failed') return <StartupErrorScreen state={boot.state} />;
  return <App {...(boot.info.readOnly ? { readOnlyReason: boot.info.readOnlyReason ?? 'it cannot be written' } : {})} />;
}
