import { afterEach, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createServices, type Services } from '../../../src/main/services';
import { loadFixture, tempDir } from '../../support/temp';

/**
 * The sign-off workflow and the signature copies meet here: a copy of a sealed meeting prints the audit
 * chain's head as it stood when the copy was made, and the export is itself an audit entry after it,
 * so the log that a holder of the copy later checks still starts with the head the copy shows.
 */
let tmp: ReturnType<typeof tempDir> | undefined;
let services: Services | undefined;
afterEach(() => {
  services?.close();
  tmp?.cleanup();
});

it('a sealed copy carries the audit head it was made at, and its export is audited after it', async () => {
  tmp = tempDir('minuta-copy-audit-');
  const out = join(tmp.dir, 'copy.docx');
  services = createServices({
    databasePath: join(tmp.dir, 'minuta.sqlite'),
    version: 'test',
    author: 'sokha',
    export: {
      dialog: { chooseDestination: async () => out },
      createPrinter: () => {
        throw new Error('a DOCX copy needs no printer');
      },
    },
  });
  const { store } = services;
  const id = store.create(loadFixture(2019), 'sokha').id;
  for (const t of ['submit', 'approve', 'seal'] as const) store.workflow.transition(id, t, 'sokha');
  const head = store.audit.head(id);
  expect(head.length).toBeGreaterThan(0);

  const result = await services.dispatch('exportSignatureCopy', { id, format: 'docx' });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true, value: { saved: true, path: out } });

  const custom = strFromU8(unzipSync(readFileSync(out))['docProps/custom.xml']!);
  expect(custom).toContain(`${head.hash} ${head.length}`);
  const entries = store.workflow.auditEntries(id);
  expect(entries).toHaveLength(head.length + 1);
  expect(entries.at(-1)).toMatchObject({ actor: 'sokha', action: 'signature-copy', details: { format: 'docx' } });
  expect(store.audit.verify(id)).toMatchObject({ ok: true });
});
