import { newId } from '../../../../../shared/minutes';
import { RemarkBlockEditor } from '../RemarkBlockEditor';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const remark = defineBlock('remark')({
  label: 'Remarks',
  caption: (b) => (b.occasion === 'opening' ? 'Opening remarks' : b.occasion === 'closing' ? 'Closing remarks' : 'Remarks'),
  create: () => ({ id: newId('b'), type: 'remark', occasion: 'other', paragraphs: [[]] }),
  firstField: (b) => `${b.id}.paragraphs`,
  Editor: RemarkBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add remarks', shortcuts: ['Mod-Alt-R'] },
  layout: { module: AGREED_LAYOUT, handler: "case 'remark'" },
});
