/**
 * Two meetings are equal "in content" when they are deep-equal after every generated value is
 * replaced by its position: ids (of the meeting, blocks, bullets, turns, delegations, signatories,
 * register entries) are renamed in order of first appearance, in a walk with sorted keys, and every
 * reference (personId, organisationIds, …) follows its id. Everything else — text, marks, order,
 * kinds, dates, numbering, roles, optional fields present or absent — must be identical.
 */
export function normaliseIds(value: unknown): unknown {
  const names = new Map<string, string>();
  const rename = (id: string) => {
    if (!names.has(id)) names.set(id, `#${names.size + 1}`);
    return names.get(id)!;
  };
  const isRefKey = (k: string) => k === 'id' || k === 'personId' || k.endsWith('PersonId') || k === 'organisationId' || k === 'delegationId';
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) continue;
      if (isRefKey(k) && typeof x === 'string') out[k] = rename(x);
      else if (k === 'organisationIds' && Array.isArray(x)) out[k] = x.map((id) => rename(id as string));
      else out[k] = walk(x);
    }
    return out;
  };
  return walk(JSON.parse(JSON.stringify(value)));
}
