import { describeUncovered, type UncoveredCharacter } from '../../../shared/format/coverage';

/** Names the characters no shipped font draws and where they are (the export confirmation, the preview's warning). */
export function MissingGlyphs({ missing }: { missing: readonly UncoveredCharacter[] }) {
  const shown = missing.slice(0, 8);
  return (
    <p className="missing-glyphs">
      No font shipped with Minuta draws {missing.length === 1 ? 'this character' : `these ${missing.length} characters`}; {missing.length === 1 ? 'it' : 'they'} would
      print as empty boxes:{' '}
      {shown.map((c, i) => (
        <span key={c.codePoint}>
          {i > 0 && '; '}
          <code>{describeUncovered(c)}</code>
        </span>
      ))}
      {missing.length > shown.length && `; and ${missing.length - shown.length} more`}.
    </p>
  );
}
