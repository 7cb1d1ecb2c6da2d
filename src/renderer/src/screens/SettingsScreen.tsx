import { useEffect, useState, type FormEvent } from 'react';
import { call, CallError } from '../api/client';
import { SPELLCHECK_LANGUAGES, type Settings, type SpellcheckLanguage } from '../../../shared/settings/settings';

const LANGUAGE_NAMES: Record<SpellcheckLanguage, string> = {
  'en-GB': 'English (United Kingdom)',
  'en-US': 'English (United States)',
  'en-AU': 'English (Australia)',
  'fr-FR': 'French',
  'pt-PT': 'Portuguese',
  'vi-VN': 'Vietnamese',
};

/** "Who am I" (the author of every revision saved here) and the spell-check languages. */
export function SettingsScreen() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [path, setPath] = useState('');
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'error'; message: string } | null>(null);

  useEffect(() => {
    call('getSettings', undefined)
      .then((r) => {
        setSettings(r.settings);
        setNotice(r.notice);
        setPath(r.path);
      })
      .catch((e: unknown) => setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
  }, []);

  if (!settings) return <p className="loading">{status?.kind === 'error' ? status.message : 'Loading settings…'}</p>;
  const change = (patch: Partial<Settings>) => {
    setStatus(null);
    setSettings({ ...settings, ...patch });
  };
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      setSettings(await call('saveSettings', settings!));
      setNotice(undefined);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof CallError ? error.message : String(error) });
    }
  }
  return (
    <section className="panel settings" aria-labelledby="settings-heading" data-testid="settings">
      <h1 id="settings-heading">Settings</h1>
      {notice && <p role="alert" className="notice">{notice}</p>}
      <form className="form" onSubmit={save}>
        <fieldset>
          <legend>Who am I</legend>
          <p className="hint">Your name is recorded as the author of every revision you save (until it is set: your computer login name).</p>
          <label>
            Name
            <input value={settings.name} maxLength={200} onChange={(e) => change({ name: e.target.value })} autoComplete="name" />
          </label>
          <label>
            Organisation
            <input value={settings.organisation} maxLength={200} onChange={(e) => change({ organisation: e.target.value })} autoComplete="organization" />
          </label>
          <label>
            Initials
            <input value={settings.initials} maxLength={8} onChange={(e) => change({ initials: e.target.value })} className="short" />
          </label>
        </fieldset>
        <fieldset>
          <legend>Trusted certificate authorities</legend>
          <p className="hint">
            A file or folder of CA certificates (PEM or DER). <em>Verify a copy…</em> then checks that each signer's
            certificate chains up to one of them. Leave empty to check signatures without judging who issued them.
          </p>
          <label>
            File or folder
            <input value={settings.trustAnchors} maxLength={4096} onChange={(e) => change({ trustAnchors: e.target.value })} data-testid="trust-anchors" />
          </label>
        </fieldset>
        <fieldset>
          <legend>Spell-check languages</legend>
          <p className="hint">Misspelled words are underlined as you type; right-click one for suggestions or to add it to the dictionary.</p>
          {SPELLCHECK_LANGUAGES.map((lang) => (
            <label key={lang} className="check">
              <input type="checkbox" checked={settings.spellcheckLanguages.includes(lang)}
                onChange={(e) =>
                  change({
                    spellcheckLanguages: e.target.checked
                      ? SPELLCHECK_LANGUAGES.filter((l) => l === lang || settings.spellcheckLanguages.includes(l))
                      : settings.spellcheckLanguages.filter((l) => l !== lang),
                  })
                } />
              {LANGUAGE_NAMES[lang]} <span className="hint">({lang})</span>
            </label>
          ))}
        </fieldset>
        {status?.kind === 'error' && <p role="alert" className="error">Not saved: {status.message}</p>}
        {status?.kind === 'saved' && <p role="status" className="saved">Saved.</p>}
        <div className="row">
          <button type="submit">Save settings</button>
          {path && <span className="hint">Kept in {path}</span>}
        </div>
      </form>
    </section>
  );
}
