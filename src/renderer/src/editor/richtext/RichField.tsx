import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { EditorState, Plugin, TextSelection, type Command } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import type { Node as PmNode } from 'prosemirror-model';
import type { Bullet, RichText } from '../../../../shared/minutes';
import { fromDoc, inlineToRuns, toDoc, type FieldValue } from './convert';
import { bulletIds, fieldKeymap } from './keymap';
import { focusNextTypingField } from '../tabOrder';
import { cleanPastedHtml } from './paste';
import { Footnotes } from './Footnotes';
import type { FieldKind } from './schema';
import { clearActiveEditor, registerField, setActiveEditor, type FocusAt } from '../focus';
import { useAppStore } from '../../state/store';
import { commentMarksTopic } from '../../state/topics';
import type { CommentMarks } from '../../state/commentsSlice';

type Ranges = CommentMarks['ranges'];
const COMMENT_CLASS = 'comment-mark';

/**
 * Commented text: an inline decoration on each open thread's range, in a one-line field (by the field's
 * key) or in a bullet (by the bullet's id). Offsets are into the paragraph's text, which starts one
 * position inside it.
 */
function commentPlugin(field: string, ranges: () => Ranges) {
  return new Plugin({
    props: {
      decorations(state) {
        const all = ranges();
        const decorations: Decoration[] = [];
        const add = (paraPos: number, para: PmNode, list: Ranges[string] | undefined) => {
          for (const r of list ?? []) {
            if (r.end > para.content.size) continue;
            decorations.push(Decoration.inline(paraPos + 1 + r.start, paraPos + 1 + r.end, { class: COMMENT_CLASS, 'data-thread': r.threadId }));
          }
        };
        const first = state.doc.firstChild;
        if (state.schema.topNodeType.spec.content === 'paragraph' && first) add(0, first, all[field]);
        else
          state.doc.descendants((node, pos) => {
            if (node.type.name !== 'list_item') return true;
            const id = node.attrs['id'] as string | null;
            if (id && node.firstChild) add(pos + 1, node.firstChild, all[`${id}.text`]);
            return true;
          });
        return decorations.length ? DecorationSet.create(state.doc, decorations) : null;
      },
    },
  });
}

/** Runs cut at the ranges' ends, each piece knowing whether it is commented (static fields). */
function markRuns(runs: RichText, list: Ranges[string] | undefined): { run: RichText[number]; marked: boolean }[] {
  if (!list?.length) return runs.map((run) => ({ run, marked: false }));
  const cuts = new Set(list.flatMap((r) => [r.start, r.end]));
  const inside = (at: number) => list.some((r) => at >= r.start && at < r.end);
  const out: { run: RichText[number]; marked: boolean }[] = [];
  let at = 0;
  for (const run of runs) {
    let from = 0;
    for (let i = 1; i <= run.text.length; i++) {
      if (i === run.text.length || cuts.has(at + i)) {
        out.push({ run: { ...run, text: run.text.slice(from, i) }, marked: inside(at + from) });
        from = i;
      }
    }
    at += run.text.length;
  }
  return out;
}

export interface RichFieldProps {
  /** Unique key of this field in the meeting ("<blockId>.text"); undo/redo and focus requests use it. */
  field: string;
  /** The block the field belongs to (the preview follows it). */
  blockId: string;
  kind: FieldKind;
  value: FieldValue;
  onChange(value: FieldValue): void;
  label: string;
  placeholder?: string;
  /** Inline fields only: Enter splits here (text before and after the cursor). */
  onSplit?(before: RichText, after: RichText): void;
  className?: string;
}

/** `text` is read on every redraw: a placeholder can follow other fields (a presentation's generated heading). */
function placeholderPlugin(text: () => string) {
  return new Plugin({
    props: {
      decorations(state) {
        if (state.doc.textContent !== '' || !text()) return null;
        let found: { pos: number; node: PmNode } | null = null;
        state.doc.descendants((node, pos) => {
          if (found) return false;
          if (node.isTextblock) found = { pos, node };
          return !found;
        });
        if (!found) return null;
        const { pos, node } = found as { pos: number; node: PmNode };
        return DecorationSet.create(state.doc, [
          Decoration.node(pos, pos + node.nodeSize, { class: 'placeholder', 'data-placeholder': text() }),
        ]);
      },
    },
  });
}

/**
 * One rich-text field. Until it is first focused it is plain static HTML (cheap: a 200-page document
 * opens without creating a single editor); on focus or click it becomes a ProseMirror view with the
 * schema and keys of its kind. Each keystroke converts only this field back to the model and updates
 * only its block in the store.
 */
export const RichField = memo(function RichField(props: RichFieldProps) {
  const [active, setActive] = useState(false);
  const startAt = useRef<FocusAt | { x: number; y: number }>('end');
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const lastValue = useRef<FieldValue>(props.value);
  const propsRef = useRef(props);
  propsRef.current = props;
  // The open comments' ranges: this field's (one-line) or all (bullets look theirs up by id). O(1).
  const ranges = commentMarksTopic.use((m) => (props.kind === 'bullets' ? m.ranges : m.ranges[props.field] ? m.ranges : null));
  const rangesRef = useRef<Ranges>({});
  rangesRef.current = ranges ?? {};

  // Focus requests (undo/redo, a block just inserted) reach the field by key.
  useEffect(
    () =>
      registerField(props.field, {
        focus(at) {
          const view = viewRef.current;
          if (!view) {
            startAt.current = at;
            setActive(true);
            return;
          }
          placeCursor(view, at);
        },
      }),
    [props.field],
  );

  useLayoutEffect(() => {
    if (!active || !mountRef.current) return;
    const { kind } = propsRef.current;
    const onEnter: Command | undefined =
      kind === 'inline'
        ? (state) => {
            const split = propsRef.current.onSplit;
            if (!split) return true;
            const { $from } = state.selection;
            const para = state.doc.firstChild!;
            split(inlineToRuns(para.cut(0, $from.parentOffset)), inlineToRuns(para.cut($from.parentOffset)));
            return true;
          }
        : undefined;
    const plugins = [
      ...fieldKeymap(kind, { ...(onEnter ? { onEnter } : {}), onLeave: () => (viewRef.current ? focusNextTypingField(viewRef.current.dom) : false) }),
      ...(kind === 'bullets' ? [bulletIds] : []),
      placeholderPlugin(() => propsRef.current.placeholder ?? ''),
      commentPlugin(propsRef.current.field, () => rangesRef.current),
    ];
    const view = new EditorView(mountRef.current, {
      state: EditorState.create({ doc: toDoc(kind, propsRef.current.value), plugins }),
      attributes: {
        class: `pm pm-${kind}`,
        role: 'textbox',
        'aria-label': propsRef.current.label,
        'aria-multiline': kind === 'inline' ? 'false' : 'true',
        'data-field': propsRef.current.field,
      },
      transformPastedHTML: cleanPastedHtml,
      dispatchTransaction(tr) {
        const before = view.state.doc;
        const state = view.state.apply(tr);
        view.updateState(state);
        if (state.doc !== before) {
          const value = fromDoc(kind, state.doc);
          lastValue.current = value;
          propsRef.current.onChange(value);
        }
      },
      handleDOMEvents: {
        focus: () => {
          setActiveEditor(propsRef.current.field, view);
          useAppStore.getState().setFocus(propsRef.current.field, propsRef.current.blockId);
          return false;
        },
      },
    });
    viewRef.current = view;
    lastValue.current = propsRef.current.value;
    const at = startAt.current;
    if (typeof at === 'object') {
      view.focus();
      const pos = view.posAtCoords({ left: at.x, top: at.y });
      view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos ? pos.pos : view.state.doc.content.size))));
    } else placeCursor(view, at);
    return () => {
      clearActiveEditor(view);
      view.destroy();
      viewRef.current = null;
    };
  }, [active]);

  // The model changed from elsewhere (undo, redo, a split): show it, keeping the cursor near where it was.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || props.value === lastValue.current) return;
    lastValue.current = props.value;
    const doc = toDoc(props.kind, props.value);
    const head = Math.min(view.state.selection.head, doc.content.size);
    const state = EditorState.create({ doc, plugins: view.state.plugins, selection: TextSelection.near(doc.resolve(head)) });
    view.updateState(state);
  }, [props.value, props.kind]);

  // A new placeholder or new comments: redraw the decorations of an open editor (setProps recomputes them).
  useEffect(() => viewRef.current?.setProps({}), [props.placeholder, ranges]);

  const className = `rf rf-${props.kind}${props.className ? ` ${props.className}` : ''}`;
  // A field's footnotes are edited under it (a note inside a note is not a thing: their fields have none).
  const notes = props.field.includes('.footnote.') ? null : (
    <Footnotes field={props.field} blockId={props.blockId} kind={props.kind} value={props.value} onChange={(v) => propsRef.current.onChange(v)} />
  );
  if (active)
    return (
      <>
        <div className={className} ref={mountRef} data-active="" />
        {notes}
      </>
    );
  return (
    <>
    <div
      className={className}
      data-field={props.field}
      role="textbox"
      aria-label={props.label}
      tabIndex={0}
      onFocus={() => setActive(true)}
      onMouseDown={(e) => {
        e.preventDefault();
        startAt.current = { x: e.clientX, y: e.clientY };
        setActive(true);
      }}
    >
      <StaticContent kind={props.kind} value={props.value} placeholder={props.placeholder ?? ''} field={props.field} ranges={ranges ?? {}} />
    </div>
    {notes}
    </>
  );
});

function placeCursor(view: EditorView, at: FocusAt) {
  view.focus();
  if (at === 'keep') return;
  const doc = view.state.doc;
  const sel = at === 'start' ? TextSelection.atStart(doc) : TextSelection.atEnd(doc);
  view.dispatch(view.state.tr.setSelection(sel).scrollIntoView());
}

function Runs({ runs, comments }: { runs: RichText; comments?: Ranges[string] | undefined }): ReactNode {
  return markRuns(runs, comments).map(({ run: r, marked }, i) => {
    let node: ReactNode = r.text;
    // As the editor shows a footnote or a cross-reference (schema.ts: hanging).
    if (r.footnote || r.xref !== undefined) node = <span className={`pm-hang${r.xref !== undefined ? ' pm-xref' : ''}`}>{node}{r.footnote && <sup className="pm-fn-mark">*</sup>}</span>;
    if (r.italic) node = <em>{node}</em>;
    if (r.bold) node = <strong>{node}</strong>;
    return (
      <span key={i} className={marked ? COMMENT_CLASS : undefined}>
        {node}
      </span>
    );
  });
}

function Para({ runs, placeholder, comments }: { runs: RichText; placeholder?: string; comments?: Ranges[string] | undefined }) {
  const empty = runs.every((r) => r.text === '');
  return (
    <p className={empty && placeholder ? 'placeholder' : undefined} data-placeholder={empty && placeholder ? placeholder : undefined}>
      <Runs runs={runs} comments={comments} />
    </p>
  );
}

function StaticBullets({ items, placeholder, ranges }: { items: Bullet[]; placeholder?: string; ranges: Ranges }): ReactNode {
  return (
    <ul>
      {items.map((b) => (
        <li key={b.id} data-country={b.country}>
          <Para runs={b.text} comments={ranges[`${b.id}.text`]} />
          {b.children && b.children.length > 0 && <StaticBullets items={b.children} ranges={ranges} />}
        </li>
      ))}
      {items.length === 0 && (
        <li>
          <Para runs={[]} {...(placeholder ? { placeholder } : {})} />
        </li>
      )}
    </ul>
  );
}

/** The same DOM ProseMirror renders, so that activating a field does not move a pixel. */
function StaticContent({ kind, value, placeholder, field, ranges }: { kind: FieldKind; value: FieldValue; placeholder: string; field: string; ranges: Ranges }) {
  if (kind === 'inline') {
    return (
      <div className="pm pm-inline">
        <Para runs={value as RichText} placeholder={placeholder} comments={ranges[field]} />
      </div>
    );
  }
  if (kind === 'paragraphs') {
    const paras = value as RichText[];
    const all = paras.length > 0 ? paras : [[]];
    const empty = all.length === 1 && all[0]!.length === 0;
    return (
      <div className="pm pm-paragraphs">
        {all.map((p, i) => (
          <Para key={i} runs={p} {...(empty ? { placeholder } : {})} />
        ))}
      </div>
    );
  }
  return (
    <div className="pm pm-bullets">
      <StaticBullets items={value as Bullet[]} placeholder={placeholder} ranges={ranges} />
    </div>
  );
}
