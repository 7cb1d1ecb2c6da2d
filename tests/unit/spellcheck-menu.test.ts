import { describe, expect, it } from 'vitest';
import { contextMenuItems, MAX_SUGGESTIONS, type ContextMenuParams } from '../../src/main/spellcheck/contextMenu';

/**
 * The right-click menu, from params shaped as Electron's `context-menu` event gives them (every field
 * of ContextMenuParams as Electron 45 fills it for a right-click on a misspelled word in a
 * contenteditable, so the builder is held to what it will really receive).
 */
function electronParams(overrides: Partial<ContextMenuParams> & Record<string, unknown>): ContextMenuParams {
  return {
    x: 412,
    y: 318,
    frame: null,
    linkURL: '',
    linkText: '',
    pageURL: 'file:///opt/Minuta/resources/app/out/renderer/index.html#/meeting/m_2019',
    frameURL: '',
    srcURL: '',
    mediaType: 'none',
    hasImageContents: false,
    isEditable: true,
    selectionText: '',
    titleText: '',
    altText: '',
    suggestedFilename: '',
    selectionRect: { x: 0, y: 0, width: 0, height: 0 },
    selectionStartOffset: 0,
    referrerPolicy: { url: '', policy: 'strict-origin-when-cross-origin' },
    misspelledWord: '',
    dictionarySuggestions: [],
    frameCharset: 'UTF-8',
    formControlType: 'none',
    spellcheckEnabled: true,
    menuSourceType: 'mouse',
    mediaFlags: { inError: false, isPaused: false, isMuted: false, hasAudio: false, isLooping: false, isControlsVisible: false, canToggleControls: false, canPrint: false, canSave: false, canShowPictureInPicture: false, isShowingPictureInPicture: false, canRotate: false, canLoop: false },
    editFlags: { canUndo: true, canRedo: false, canCut: false, canCopy: false, canPaste: true, canDelete: false, canSelectAll: true, canEditRichly: true },
    ...overrides,
  } as unknown as ContextMenuParams;
}

describe('spell-check context menu', () => {
  it('offers the suggestions, "add to dictionary" and the edit roles for a misspelled word', () => {
    const items = contextMenuItems(electronParams({ misspelledWord: 'recomendation', dictionarySuggestions: ['recommendation', 'recommendations', 'commendation'] }));
    expect(items).toEqual([
      { kind: 'replace', label: 'recommendation', word: 'recommendation' },
      { kind: 'replace', label: 'recommendations', word: 'recommendations' },
      { kind: 'replace', label: 'commendation', word: 'commendation' },
      { kind: 'separator' },
      { kind: 'add-to-dictionary', label: 'Add “recomendation” to dictionary', word: 'recomendation' },
      { kind: 'separator' },
      { kind: 'role', role: 'undo', label: 'Undo', enabled: true },
      { kind: 'role', role: 'redo', label: 'Redo', enabled: false },
      { kind: 'separator' },
      { kind: 'role', role: 'cut', label: 'Cut', enabled: false },
      { kind: 'role', role: 'copy', label: 'Copy', enabled: false },
      { kind: 'role', role: 'paste', label: 'Paste', enabled: true },
      { kind: 'separator' },
      { kind: 'role', role: 'selectAll', label: 'Select all', enabled: true },
    ]);
  });

  it('says there are no suggestions but still offers to add the word (a delegate’s name, a Khmer place)', () => {
    const items = contextMenuItems(electronParams({ misspelledWord: 'Sokhom', dictionarySuggestions: [] }));
    expect(items.slice(0, 3)).toEqual([
      { kind: 'info', label: 'No spelling suggestions' },
      { kind: 'separator' },
      { kind: 'add-to-dictionary', label: 'Add “Sokhom” to dictionary', word: 'Sokhom' },
    ]);
  });

  it('bounds the suggestions and the labels, and drops duplicates and blanks', () => {
    const long = 'x'.repeat(500);
    const items = contextMenuItems(electronParams({ misspelledWord: long, dictionarySuggestions: ['a', 'a', ' ', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }));
    const replaces = items.filter((i) => i.kind === 'replace');
    expect(replaces.map((i) => i.word)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].slice(0, MAX_SUGGESTIONS));
    const add = items.find((i) => i.kind === 'add-to-dictionary')!;
    expect(add.kind === 'add-to-dictionary' && add.word).toBe(long);
    expect(add.kind === 'add-to-dictionary' && add.label.length).toBeLessThan(70);
  });

  it('has no spelling part for a correct word, and only Copy outside editable text', () => {
    expect(contextMenuItems(electronParams({})).some((i) => i.kind === 'replace' || i.kind === 'add-to-dictionary')).toBe(false);
    const preview = electronParams({ isEditable: false, selectionText: 'Session 2', editFlags: { canUndo: false, canRedo: false, canCut: false, canCopy: true, canPaste: false, canSelectAll: true } });
    expect(contextMenuItems(preview)).toEqual([{ kind: 'role', role: 'copy', label: 'Copy', enabled: true }]);
    // A flagged word in text that cannot be edited cannot be replaced: no spelling part.
    expect(contextMenuItems({ ...preview, misspelledWord: 'Sesion', dictionarySuggestions: ['Session'] }).some((i) => i.kind === 'replace')).toBe(false);
    expect(contextMenuItems(electronParams({ isEditable: false }))).toEqual([]);
  });
});
