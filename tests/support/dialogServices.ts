import { join } from 'node:path';
import { createServices, type Services } from '../../src/main/services';

/**
 * The app's services on a real database file in `dir`, with the dialogs answered as a user would: the
 * save dialog picks its suggested name in `dir` (remembered in `saved.path`), the import dialog picks
 * the file saved last (a minutes file's round trip). No printer: these tests export no PDF.
 */
export function servicesWithDialogs(dir: string, name: string, author: string, saved: { path?: string }): Services {
  return createServices({
    databasePath: join(dir, name),
    version: 'test',
    author,
    export: {
      dialog: { chooseDestination: async ({ defaultName }) => (saved.path = join(dir, defaultName)) },
      createPrinter: () => {
        throw new Error('no printer in this test');
      },
    },
    importDialog: { chooseMinutesFile: async () => saved.path },
  });
}

/** One IPC call through the services' dispatch, as the renderer makes it; a refusal throws with its code. */
export async function call<T>(s: Services, method: string, payload: unknown): Promise<T> {
  const r = await s.dispatch(method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
