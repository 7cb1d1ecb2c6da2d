import type { LayoutDocument } from '../../../shared/format';

export async function renderDocx(_layout: LayoutDocument, _options: { now?: Date } = {}): Promise<Uint8Array> {
  throw new Error('DOCX export is not implemented yet');
}
