import { useAppStore } from '../state/store';
import { displayShortcut, getCommand, type Command } from './registry';
import type { CommandId } from './editorCommands';

const SHOWN: CommandId[] = ['edit.undo', 'edit.redo', 'format.bold', 'format.italic', 'insert.paragraph', 'insert.remark', 'insert.presentation', 'insert.qa', 'insert.group', 'insert.session', 'insert.list'];
const SHORT: Partial<Record<CommandId, string>> = {
  'edit.undo': '↶ Undo',
  'edit.redo': '↷ Redo',
  'format.bold': 'B',
  'format.italic': 'I',
  'insert.paragraph': 'Paragraph',
  'insert.remark': 'Remarks',
  'insert.presentation': 'Presentation',
  'insert.qa': 'Q&A',
  'insert.group': 'Group',
  'insert.session': 'Session',
  'insert.list': 'List',
};

/** The editor's menu bar, built from the command registry: same labels, shortcuts and enablement. */
export function Toolbar() {
  // Re-render when what enables commands changes (history depth, focus), not on every keystroke.
  useAppStore((s) => `${s.history.past.length > 0}${s.history.future.length > 0}${s.focusedField}`);
  const state = useAppStore.getState();
  const commands = SHOWN.map((id) => getCommand(id)).filter((c): c is Command => !!c);
  let lastGroup = '';
  return (
    <div className="toolbar" role="toolbar" aria-label="Editing commands">
      {commands.map((c) => {
        const sep = lastGroup !== '' && lastGroup !== c.group;
        lastGroup = c.group;
        return (
          <span key={c.id} className="tb-item">
            {sep && <span className="tb-sep" aria-hidden="true" />}
            <button
              type="button"
              className={`tb-${c.id.replace('.', '-')}`}
              disabled={!c.enabled(state)}
              title={`${c.label}${c.shortcuts?.[0] ? ` (${displayShortcut(c.shortcuts[0])})` : ''}`}
              aria-label={c.label}
              // Keep the cursor where it is: commands act on the focused field and block.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => c.run(useAppStore.getState())}
            >
              {SHORT[c.id as CommandId] ?? c.label}
            </button>
          </span>
        );
      })}
    </div>
  );
}
