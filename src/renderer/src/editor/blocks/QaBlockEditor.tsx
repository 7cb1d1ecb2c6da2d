import type { Statement } from '../../../../shared/minutes';
import type { QaB, SuggestionsB } from '../../model/types';
import { statement, turn } from '../../model/factory';
import { StatementEditor } from './StatementEditor';
import { commitBlock, changeBlock, mapById, removeAt } from './common';

export function QaBlockEditor({ block }: { block: QaB }) {
  const setTurn = (turnId: string, fn: (t: QaB['turns'][number]) => QaB['turns'][number], field: string, typing: boolean) =>
    commitBlock<QaB>(block.id, (b) => ({ ...b, turns: mapById(b.turns, turnId, fn) }), field, typing);
  return (
    <div className="qa">
      {block.turns.map((t, i) => (
        <div className="qa-turn" key={t.id} data-turn-id={t.id}>
          <StatementEditor
            blockId={block.id}
            statement={t.question}
            role="Question"
            onChange={(fn, field, typing) => setTurn(t.id, (x) => ({ ...x, question: fn(x.question) }), field, typing)}
            onRemove={() => changeBlock<QaB>(block.id, (b) => ({ ...b, turns: removeAt(b.turns, i) }))}
          />
          {t.answers.map((a, j) => (
            <StatementEditor
              key={a.id}
              blockId={block.id}
              statement={a}
              role="Answer"
              onChange={(fn, field, typing) =>
                setTurn(t.id, (x) => ({ ...x, answers: mapById(x.answers, a.id, fn) }), field, typing)
              }
              onRemove={() => setTurn(t.id, (x) => ({ ...x, answers: removeAt(x.answers, j) }), `${t.id}.answers`, false)}
            />
          ))}
          <button
            type="button"
            className="link"
            onClick={() => {
              const s = statement();
              changeBlock<QaB>(block.id, (b) => ({ ...b, turns: mapById(b.turns, t.id, (x) => ({ ...x, answers: [...x.answers, s] })) }), `${s.id}.paragraphs`);
            }}
          >
            + Answer
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link"
        onClick={() => {
          const t = turn();
          changeBlock<QaB>(block.id, (b) => ({ ...b, turns: [...b.turns, t] }), `${t.question.id}.by`);
        }}
      >
        + Question and answer
      </button>
    </div>
  );
}

export function SuggestionsBlockEditor({ block }: { block: SuggestionsB }) {
  const setItem = (id: string, fn: (s: Statement) => Statement, field: string, typing: boolean) =>
    commitBlock<SuggestionsB>(block.id, (b) => ({ ...b, items: mapById(b.items, id, fn) }), field, typing);
  return (
    <div className="suggestions">
      {block.items.map((s, i) => (
        <StatementEditor
          key={s.id}
          blockId={block.id}
          statement={s}
          role="Suggestion"
          onChange={(fn, field, typing) => setItem(s.id, fn, field, typing)}
          onRemove={() => changeBlock<SuggestionsB>(block.id, (b) => ({ ...b, items: removeAt(b.items, i) }))}
        />
      ))}
      <button
        type="button"
        className="link"
        onClick={() => {
          const s = statement();
          changeBlock<SuggestionsB>(block.id, (b) => ({ ...b, items: [...b.items, s] }), `${s.id}.by`);
        }}
      >
        + Suggestion
      </button>
    </div>
  );
}
