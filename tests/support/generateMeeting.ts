import { LIMITS, validateMeeting, walkIds, type Meeting } from '../../src/shared/minutes';
import { FORMAT_TEMPLATE_NAMES, LABEL_STYLES, type MeetingFormat } from '../../src/shared/format';
import { DATE_PATTERN_SOURCE, ID_PATTERN_SOURCE, type JsonSchema, def, refName, site } from './meetingSchema';

/**
 * Random valid meetings, reproducible from a seed, for property tests.
 *
 * The generator walks the JSON Schema of the model (meetingSchema.ts), so it produces every block
 * type, every enum value and every optional field the schemas have, present and absent, including
 * ones added after this was written; it only knows by name what a schema cannot say: references
 * (`…PersonId`, `organisationId(s)`, `delegationId`) point into the register, `agendaItemId` into the
 * meeting's agenda, ids are unique,
 * date ranges end after they start, a signatory has a person or a name, bullets stop at
 * `LIMITS.maxBulletDepth` (each meeting has one chain that reaches it).
 *
 * Text: real words in English, Khmer, Lao, Burmese and Thai (from the fixtures), split into bold/italic
 * runs at word boundaries; sometimes empty, sometimes white space only. Every non-blank string
 * carries a unique tag ("q17z") so that a test can find each one, in order, in a printed document.
 * Words never contain a colon, a comma or brackets, so those in a printed document are the format's.
 */

const WORDS = {
  latin: [
    'migrants', 'delegation', 'trafficking', 'cooperation', 'Cambodia', 'Lao', 'Myanmar', 'Thailand', 'recruitment',
    'agencies', 'protection', 'victims', 'border', 'labour', 'meeting', 'agreed', 'safe', 'regular', 'orderly',
    'migration', 'R&D', '<b>bold?</b>', '"quoted"', "it's", 'Ministry', 'of', 'Interior', 'the', 'and', 'law',
    'enforcement', 'Phnom', 'Penh', 'Siem', 'Reap', 'H.E.', 'Mrs.', 'Dr.',
  ],
  khmer: ['កិច្ចប្រជុំពិគ្រោះយោបល់បច្ចេកទេស', 'ឯកឧត្តម', 'ជូ', 'ប៊ុនអេង', 'ក្រសួងមហាផ្ទៃ', 'រដ្ឋលេខាធិការ'],
  lao: ['ກອງປະຊຸມປຶກສາຫາລືດ້ານວິຊາການ', 'ພົງສະຫວັນ', 'ທິບພະວົງໄຊ', 'ຮອງຫົວໜ້າກົມໃຫຍ່ຕຳຫຼວດ'],
  myanmar: ['နည်းပညာဆိုင်ရာ', 'အတိုင်ပင်ခံ', 'အစည်းအဝေး', 'ပြည်ထဲရေးဝန်ကြီးဌာန', 'ဒုတိယဝန်ကြီး', 'အောင်သူ'],
  thai: ['การประชุม', 'ปรึกษาหารือ', 'ทางวิชาการ', 'กรุงเทพมหานคร', 'ประเทศไทย', 'กระทรวงการต่างประเทศ'],
} as const;
const LANGUAGES = ['en', 'km', 'lo', 'my'];
/** A cross-reference before its target is chosen (an id pattern no generated id has). */
const XREF_PENDING = 'x_pending';

/** mulberry32: small, fast, good enough to shuffle test data, and the same sequence everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many items an array at a schema site gets: enough structure to cover, small enough to print fast. */
const ARRAY_SIZES: Record<string, [number, number]> = {
  'Meeting.body[]': [6, 10],
  'Meeting.people[]': [2, 4],
  'Meeting.organisations[]': [2, 3],
  'SectionBlock.blocks[]': [2, 7],
  'SessionBlock.items[]': [2, 5],
};
const DEFAULT_SIZE: [number, number] = [0, 3];

const isReference = (key: string) => /(^p|P)ersonId$|^organisationIds?$|^delegationId$|^agendaItemId$/.test(key);

interface Ctx {
  /** The schema site being generated, e.g. "Bullet.children[]". */
  site: string;
  /** Bullet nesting: 1 for a top-level bullet. */
  bulletDepth: number;
  /** On the chain of bullets that reaches the depth limit. */
  deep: boolean;
}

class Generator {
  private readonly rnd: () => number;
  private tag = 0;
  private ids = 0;
  private people: string[] = [];
  private organisations: string[] = [];
  private readonly delegations: string[] = [];
  private agendaItems: string[] = [];
  private deepChainPending = true;
  private readonly turns = new Map<string, number>();

  constructor(seed: number) {
    this.rnd = random(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }

  /** A phrase of real words with a unique tag, or (sometimes) an empty or blank string. */
  phrase(maxWords: number): string {
    const r = this.rnd();
    if (r < 0.08) return '';
    if (r < 0.12) return this.pick([' ', '  ', '\u00a0']);
    const scripts = Object.keys(WORDS) as (keyof typeof WORDS)[];
    const words: string[] = [];
    const n = this.int(1, maxWords);
    for (let i = 0; i < n; i++) words.push(this.pick(WORDS[this.chance(0.6) ? 'latin' : this.pick(scripts)]));
    words.splice(this.int(0, words.length), 0, `q${++this.tag}z`);
    return words.join(' ');
  }

  /**
   * Rich text; `notes`: some runs carry a footnote (itself rich text without notes) or a
   * cross-reference, whose target is chosen once the meeting's ids exist (`retarget`).
   */
  richText(notes = true): Meeting['titleBlock']['title'] {
    const r = this.rnd();
    if (r < 0.08) return [];
    if (r < 0.11) return [{ text: '' }];
    const text = this.phrase(14);
    if (text.trim() === '') return [{ text }];
    // Runs split at word boundaries (the space stays with the run before), each bold, italic, both or neither.
    const words = text.split(' ');
    const runs: { text: string; bold?: boolean; italic?: boolean; footnote?: Meeting['titleBlock']['title']; xref?: string }[] = [];
    let i = 0;
    while (i < words.length) {
      const take = this.int(1, Math.max(1, words.length - i));
      const part = words.slice(i, i + take).join(' ') + (i + take < words.length ? ' ' : '');
      i += take;
      const run: (typeof runs)[number] = { text: part };
      if (this.chance(0.35)) run.bold = this.chance(0.9);
      if (this.chance(0.2)) run.italic = this.chance(0.9);
      if (notes && this.chance(0.06)) run.footnote = this.richText(false);
      // The run's text is the last-known rendering of the target's number (a word without a tag).
      runs.push(run);
      // A cross-reference: a run of its own holding the target's number as last printed (a word
      // without a tag), the space after it in the next run.
      if (notes && this.chance(0.04)) {
        runs.push({ text: this.pick(['12', 'B', 'iv', '3 (a)']), xref: XREF_PENDING });
        if (i < words.length) runs.push({ text: ' ' });
      }
    }
    return runs;
  }

  /** Cross-references point at ids of the meeting (blocks, bullets, turns…), chosen at random. */
  retarget(m: Meeting): void {
    const ids = walkIds(m.body).ids.map((x) => x.id);
    const stack: unknown[] = [m];
    while (stack.length > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...(v as unknown[]));
      else if (v !== null && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (o.xref === XREF_PENDING) {
          if (ids.length) o.xref = this.pick(ids);
          else delete o.xref;
        }
        stack.push(...Object.values(o));
      }
    }
  }

  date(minYear = 2015): string {
    const y = this.int(minYear, 2030);
    const m = this.int(1, 12);
    const d = this.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  id(): string {
    return `g_${(++this.ids).toString(36)}`;
  }

  meeting(): Meeting {
    const m = this.value(def('Meeting'), 'Meeting', { site: 'Meeting', bulletDepth: 0, deep: false }) as Meeting;
    // The schema lists people before organisations: link people to organisations once both exist.
    for (const p of m.people) if (this.organisations.length && this.chance(0.5)) p.organisationId = this.pick(this.organisations);
    this.retarget(m);
    const valid = validateMeeting(m);
    if (!valid.ok) throw new Error(`generated meeting is invalid:\n${valid.errors.slice(0, 5).join('\n')}`);
    return valid.value;
  }

  /** A value for `schema`; `name` is the definition it belongs to (for named hooks). */
  value(schema: JsonSchema, name: string, ctx: Ctx): unknown {
    if (schema.$ref) return this.named(refName(schema.$ref), ctx);
    if (schema.oneOf) {
      // In turn from a random start, so that every block type appears wherever blocks may stand.
      const turn = this.turns.get(ctx.site) ?? this.int(0, schema.oneOf.length - 1);
      this.turns.set(ctx.site, turn + 1);
      return this.value(schema.oneOf[turn % schema.oneOf.length]!, name, ctx);
    }
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return this.pick(schema.enum);
    switch (schema.type) {
      case 'object':
        return this.object(schema, name, ctx);
      case 'array': {
        const [min, max] = ARRAY_SIZES[ctx.site] ?? DEFAULT_SIZE;
        const n = Math.min(this.int(min, max), schema.maxItems ?? Infinity);
        return Array.from({ length: n }, () => this.value(schema.items!, name, ctx));
      }
      case 'string':
        if (schema.pattern === DATE_PATTERN_SOURCE) return this.date();
        if (schema.pattern === ID_PATTERN_SOURCE) return this.id();
        if (schema.pattern && ctx.site === 'Meeting.language') return this.pick(LANGUAGES);
        if (schema.pattern) throw new Error(`generateMeeting: no rule for the pattern of ${ctx.site} (${schema.pattern})`);
        return this.phrase(schema.maxLength !== undefined && schema.maxLength <= LIMITS.maxLabelLength ? 5 : 16);
      case 'boolean':
        return this.chance(0.5);
      case 'number':
      case 'integer': {
        const min = schema.minimum ?? 0;
        return this.int(min, Math.min(schema.maximum ?? min + 20, min + 20));
      }
      default:
        throw new Error(`generateMeeting: unsupported schema at ${ctx.site}: ${JSON.stringify(schema).slice(0, 200)}`);
    }
  }

  /**
   * A meeting's format choice: a built-in template and, often, overrides of what changes the printed
   * words around the text (numbering, label styles, signatures per row, page furniture). The title
   * block keeps every line in its order, so that every stored string is still printed where expected.
   */
  format(): MeetingFormat {
    const template = this.pick(FORMAT_TEMPLATE_NAMES);
    if (this.chance(0.3)) return { template };
    const overrides: NonNullable<MeetingFormat['overrides']> = {};
    if (this.chance(0.6)) {
      const level = () => this.pick(['none', ...LABEL_STYLES] as const);
      overrides.headings = { section: this.pick(['none', ...LABEL_STYLES] as const), session: this.pick(['label', '1.1', 'none'] as const), ...(this.chance(0.5) ? { levels: [level(), level(), level()] as const } : {}) };
    }
    if (this.chance(0.6)) overrides.paragraphs = { numbering: this.pick(['none', 'continuous', 'per-section', 'per-session'] as const), style: this.pick(LABEL_STYLES) };
    if (this.chance(0.5)) {
      overrides.lists = { decimal: this.pick(LABEL_STYLES), 'decimal-paren': this.pick(LABEL_STYLES), alpha: this.pick(LABEL_STYLES), roman: this.pick(LABEL_STYLES) };
      if (this.chance(0.5)) overrides.lists.nested = Array.from({ length: this.int(1, 3) }, () => this.pick(LABEL_STYLES));
    }
    if (this.chance(0.5)) overrides.signatures = { perRow: this.int(1, 4), party: this.pick(['For {party}', 'For the Government of {party}']) };
    if (this.chance(0.3)) overrides.participants = { columns: this.pick([['', ''], ['Name', 'Country or organisation'], ['Participant', '']] as const).slice() as [string, string], nameWidthPercent: this.int(20, 80) };
    if (this.chance(0.3)) overrides.annexes = { label: this.pick(['Annex {number}', 'Appendix {number}']), style: this.pick(LABEL_STYLES) };
    if (this.chance(0.4)) overrides.furniture = { marking: this.pick(['', 'CONFIDENTIAL', 'RESTRICTED']), pageNumbers: this.chance(0.7), fingerprint: this.chance(0.7) };
    return { template, overrides };
  }

  private named(name: string, ctx: Ctx): unknown {
    if (name === 'MeetingFormat') return this.format();
    if (name === 'RichText') return this.richText();
    if (name === 'DateRange') {
      const start = this.date();
      const end = new Date(Date.parse(start) + this.int(0, 40) * 86_400_000).toISOString().slice(0, 10);
      return { start, end };
    }
    if (name === 'Bullet') {
      const depth = ctx.bulletDepth + 1;
      const deep = ctx.deep || (depth === 1 && this.deepChainPending);
      if (deep) this.deepChainPending = false;
      return this.object(def(name), name, { site: name, bulletDepth: depth, deep });
    }
    return this.object(def(name), name, { ...ctx, site: name, deep: false });
  }

  private object(schema: JsonSchema, name: string, ctx: Ctx): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const required = new Set(schema.required ?? []);
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      const here = { ...ctx, site: site(ctx.site, key) };
      const optional = !required.has(key);
      if (isReference(key)) {
        const ref = this.reference(key);
        if (ref !== undefined && (!optional || this.chance(0.6))) out[key] = ref;
        continue;
      }
      if (name === 'Bullet' && key === 'children') {
        if (ctx.bulletDepth >= LIMITS.maxBulletDepth) continue;
        if (ctx.deep) {
          out[key] = [this.named('Bullet', here), ...(this.chance(0.3) ? [this.named('Bullet', { ...here, deep: false })] : [])];
          continue;
        }
        if (!this.chance(0.35 / ctx.bulletDepth)) continue;
      } else if (optional && !this.chance(0.5)) continue;
      out[key] = sub.type === 'array' ? this.value(sub, name, { ...here, site: `${here.site}[]` }) : this.value(sub, name, here);
      if (name === 'Meeting' && key === 'people') this.people = (out[key] as { id: string }[]).map((p) => p.id);
      if (name === 'Meeting' && key === 'organisations') this.organisations = (out[key] as { id: string }[]).map((o) => o.id);
      if (name === 'Meeting' && key === 'agenda') this.agendaItems = (out[key] as { id: string }[]).map((a) => a.id);
    }
    if (name === 'Delegation') this.delegations.push(out.id as string);
    // The one rule of the schemas that JSON Schema does not carry (a refine): a signatory has a person or a name
    // (or an office alone, which the generator leaves to the hand-written tests).
    if (name === 'Signatory' && out.personId === undefined && out.name === undefined) out.name = this.phrase(4);
    // The same rule for a participant: a person or a name.
    if (name === 'Participant' && out.personId === undefined && out.name === undefined) out.name = this.phrase(4);
    return out;
  }

  private reference(key: string): unknown {
    if (/ersonId$/.test(key)) return this.people.length ? this.pick(this.people) : undefined;
    if (key === 'organisationId') return this.organisations.length ? this.pick(this.organisations) : undefined;
    if (key === 'organisationIds') return this.organisations.filter(() => this.chance(0.5));
    if (key === 'agendaItemId') return this.agendaItems.length ? this.pick(this.agendaItems) : undefined;
    return this.delegations.length ? this.pick(this.delegations) : undefined;
  }
}

/** A random valid meeting; the same seed gives the same meeting. Throws if the result fails `validateMeeting`. */
export function generateMeeting(seed: number): Meeting {
  return new Generator(seed).meeting();
}

/** How many meetings a property test runs: `MINUTA_SOAK=1` (`npm run soak`) multiplies them. */
export function propertyRuns(ci: number, soak = ci * 20): number {
  return process.env.MINUTA_SOAK === '1' ? soak : ci;
}
