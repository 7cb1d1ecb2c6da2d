import { useEffect } from 'react';
import { HomeScreen } from './screens/HomeScreen';
import { EditorScreen } from './editor/EditorScreen';
import { RegisterScreen } from './register/RegisterScreen';
import { SaveStatus } from './editor/SaveStatus';
import { ExportMenu } from './export/ExportMenu';
import { ConflictBanner } from './editor/ConflictBanner';
import { Palette } from './commands/Palette';
import { SignAsHost } from './copies/SignAsDialog';
import { useShortcuts } from './commands/useShortcuts';
import { shortcutHint } from './commands/registry';
import { useAppStore } from './state/store';
import { screenFromHash } from './state/uiSlice';
import { installLifecycle } from './state/lifecycle';
import { installMenuBridge } from './commands/menuBridge';
import { richTextToString } from '../../shared/minutes';
import { SettingsScreen } from './screens/SettingsScreen';
import { DecisionsScreen } from './decisions/DecisionsScreen';

/** `readOnlyReason`: the database can only be read (Root learns it from appInfo); a banner says so. */
export function App({ readOnlyReason }: { readOnlyReason?: string } = {}) {
  const screen = useAppStore((s) => s.screen);
  const navigate = useAppStore((s) => s.navigate);
  const setPaletteOpen = useAppStore((s) => s.setPaletteOpen);
  const title = useAppStore((s) => (s.doc ? richTextToString(s.doc.meeting.titleBlock.title) : ''));
  useShortcuts();

  useEffect(() => installLifecycle(), []);
  useEffect(() => installMenuBridge(), []);
  useEffect(() => {
    const onPop = () => useAppStore.setState({ screen: screenFromHash(location.hash) });
    window.addEventListener('popstate', onPop);
    // The hash may have changed before the app mounted (Root first asks main whether the database
    // opened): start from the hash as it is now.
    onPop();
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const meetingId = screen.name === 'home' || screen.name === 'settings' || screen.name === 'decisions' ? null : screen.meetingId;
  return (
    <div className="app">
      <header className="app-header">
        <button type="button" className="brand" onClick={() => navigate({ name: 'home' })}>
          Minuta
        </button>
        {meetingId ? (
          <>
            <span className="doc-title" title={title}>{title || 'Untitled meeting'}</span>
            <nav className="tabs" aria-label="Meeting">
              <button type="button" aria-current={screen.name === 'editor' ? 'page' : undefined}
                onClick={() => navigate({ name: 'editor', meetingId })}>Minutes</button>
              <button type="button" aria-current={screen.name === 'register' ? 'page' : undefined}
                onClick={() => navigate({ name: 'register', meetingId })}>Participants register</button>
            </nav>
            <SaveStatus />
            <ExportMenu />
          </>
        ) : (
          <span className="tagline">Minutes of inter-governmental meetings</span>
        )}
        <button type="button" className="secondary decisions-button" aria-current={screen.name === 'decisions' ? 'page' : undefined}
          onClick={() => navigate({ name: 'decisions' })} {...shortcutHint('go.decisions', 'Decisions tracker')}>
          Decisions
        </button>
        <button type="button" className="secondary settings-button" aria-current={screen.name === 'settings' ? 'page' : undefined}
          onClick={() => navigate({ name: 'settings' })}>
          Settings
        </button>
        <button type="button" className="palette-button" onClick={() => setPaletteOpen(true)} title="Command palette (Ctrl+K)">
          Commands <kbd>Ctrl K</kbd>
        </button>
      </header>
      {readOnlyReason !== undefined && (
        <p className="read-only-banner" role="alert">
          This database is read-only: {readOnlyReason}. Changes cannot be saved.
        </p>
      )}
      {meetingId ? <ConflictBanner /> : null}
      <main className={`app-main app-main-${screen.name}`}>
        {screen.name === 'home' && <HomeScreen />}
        {screen.name === 'editor' && <EditorScreen meetingId={screen.meetingId} blockId={screen.blockId} />}
        {screen.name === 'settings' && <SettingsScreen />}
        {screen.name === 'decisions' && <DecisionsScreen />}
        {screen.name === 'register' && <RegisterScreen meetingId={screen.meetingId} />}
      </main>
      <Palette />
      <SignAsHost />
    </div>
  );
}
