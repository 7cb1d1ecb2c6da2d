import type { MeetingStore } from '../store/meetings';

/** The CLI's trash commands: `delete ID` (to the trash, restorable) and `restore-deleted ID`. */
export const TRASH_COMMANDS = ['delete', 'restore-deleted'] as const;
export type TrashCommand = (typeof TRASH_COMMANDS)[number];

export const TRASH_USAGE = `  delete ID                               move a meeting to the trash (restorable; the app's
                                          "Empty trash" deletes it for good)
  restore-deleted ID                      take a meeting out of the trash`;

export const isTrashCommand = (command: string): command is TrashCommand => (TRASH_COMMANDS as readonly string[]).includes(command);

/** Runs one trash command; a MinutaError (not-found, invalid, read-only…) goes up to the CLI's one mapping. */
export function runTrashCommand(command: TrashCommand, id: string, store: MeetingStore, author: string, stdout: (line: string) => void): void {
  if (command === 'delete') {
    store.trash(id, author);
    stdout(`moved to the trash: ${id}`);
  } else {
    store.restore(id);
    stdout(`restored: ${id}`);
  }
}
