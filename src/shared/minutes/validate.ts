import type { z } from 'zod';
import { LIMITS } from './limits';
import { excerpt } from '../errors';
import { Meeting, formatPath } from './meeting';

/**
 * Validation entry points shared by the interchange file, the store and IPC.
 *
 * Two stages, on purpose:
 *  1. checkStructure — an iterative walk over raw JSON that bounds nesting
 *     (generic depth and bullet depth). zod validates recursive schemas by
 *     recursion, so a 10,000-deep bullet list would overflow the stack inside
 *     zod; after this check zod never sees more than LIMITS.maxJsonDepth.
 *  2. zod — types, strict keys, lengths, ids, references.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** One reported problem is at most this long (a path and a sentence). */
const MAX_ISSUE_LINE = 300;

/** Long paths (a hostile 10,000-level list) are shortened in messages. */
const MAX_SHOWN_SEGMENTS = 24;

function shortPath(rawPath: readonly (string | number)[]): string {
  // Keys come from the input: a 1 MB key must not become a 1 MB message.
  const path = rawPath.map((s) => (typeof s === 'string' ? excerpt(s, 40) : s));
  if (path.length <= MAX_SHOWN_SEGMENTS) return formatPath(path);
  // Cut after an index so that both ends read naturally: "….children[0]…(9,980 more)….children[0]".
  let headLength = MAX_SHOWN_SEGMENTS - 4;
  if (typeof path[headLength - 1] === 'string') headLength--;
  const tailStart = typeof path[path.length - 4] === 'number' ? path.length - 5 : path.length - 4;
  const head = formatPath(path.slice(0, headLength));
  const tail = formatPath(['x', ...path.slice(tailStart)]).slice(1);
  return `${head}…(${tailStart - headLength} more segments)…${tail}`;
}

interface Frame {
  value: unknown;
  parent: Frame | undefined;
  key: string | number | undefined;
  depth: number;
  bulletDepth: number;
}

function framePath(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f && f.key !== undefined; f = f.parent) path.push(f.key);
  return path.reverse();
}

/**
 * Reject input nested deeper than the limits, naming the path of the first
 * offending node. Does not descend below an offending node, so the walk is
 * linear in the input size and the stack is explicit (no recursion).
 * `rootPath` prefixes the reported paths (e.g. ["meeting"]).
 */
export function checkStructure(value: unknown, rootPath: (string | number)[] = []): string[] {
  const errors: string[] = [];
  let reportedBullets = false;
  let reportedDepth = false;
  const stack: Frame[] = [{ value, parent: undefined, key: undefined, depth: 1, bulletDepth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (v === null || typeof v !== 'object') continue;
    // A top-level bullet sits in no `children` array; a bullet at level L sits
    // in L-1 of them. A non-empty `children` array under maxBulletDepth-1
    // others therefore holds bullets one level too deep.
    if (Array.isArray(v) && frame.key === 'children' && frame.bulletDepth >= LIMITS.maxBulletDepth && v.length > 0) {
      if (!reportedBullets) {
        errors.push(
          `${shortPath([...rootPath, ...framePath(frame), 0])}: Bullets are nested deeper than ${LIMITS.maxBulletDepth} levels`,
        );
        reportedBullets = true;
      }
      continue;
    }
    if (frame.depth > LIMITS.maxJsonDepth) {
      if (!reportedDepth) {
        errors.push(`${shortPath([...rootPath, ...framePath(frame)])}: Nested deeper than ${LIMITS.maxJsonDepth} levels`);
        reportedDepth = true;
      }
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i], parent: frame, key: i, depth: frame.depth + 1, bulletDepth: frame.bulletDepth });
      }
    } else {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push({
          value: child,
          parent: frame,
          key,
          depth: frame.depth + 1,
          bulletDepth: frame.bulletDepth + (key === 'children' ? 1 : 0),
        });
      }
    }
  }
  return errors;
}

/**
 * An issue's message without echoing input: zod quotes every unknown key in full
 * (`Unrecognized keys: "…", "…"`), and a hostile key can be a megabyte long.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 3).map((k) => `"${excerpt(k, 40)}"`);
    const more = issue.keys.length - keys.length;
    return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${keys.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  }
  return excerpt(issue.message, MAX_ISSUE_LINE);
}

/**
 * zod issues as lines `meeting.body[3].items[0].text[0].text: String must
 * contain at most 20000 character(s)`. Never includes the offending input
 * (a 50 MB string must not become a 50 MB message), and stops after
 * LIMITS.maxReportedIssues lines.
 */
export function formatIssues(
  error: z.ZodError | readonly z.core.$ZodIssue[],
  rootPath: (string | number)[] = [],
): string[] {
  const issues = Array.isArray(error) ? error : (error as z.ZodError).issues;
  const lines: string[] = [];
  for (const issue of issues) {
    if (lines.length >= LIMITS.maxReportedIssues) {
      lines.push(`…and ${issues.length - LIMITS.maxReportedIssues} more problem(s)`);
      break;
    }
    const path = shortPath([...rootPath, ...(issue.path as (string | number)[])]);
    // zod's message may quote input (an unrecognised key): each line stays an excerpt.
    lines.push(excerpt(`${path || '(document)'}: ${issueMessage(issue)}`, MAX_ISSUE_LINE));
  }
  return lines;
}

/** Validate an unknown value (e.g. from IPC or the store) as a meeting. */
export function validateMeeting(value: unknown): Result<Meeting> {
  const structural = checkStructure(value, ['meeting']);
  if (structural.length > 0) return { ok: false, errors: structural };
  const parsed = Meeting.safeParse(value);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error, ['meeting']) };
  return { ok: true, value: parsed.data };
}
