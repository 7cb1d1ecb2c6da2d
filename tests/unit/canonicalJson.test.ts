import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/shared/canonicalJson';

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units at every level, without whitespace, leaving out undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ z: true, y: null, x: undefined }], é: 'x', B: 2 })).toBe('{"B":2,"a":[{"y":null,"z":true}],"b":1,"é":"x"}');
  });

  it('gives one text for equal data whatever the key order, and keeps array order', () => {
    expect(canonicalJson({ text: 'ក', bold: true })).toBe(canonicalJson({ bold: true, text: 'ក' }));
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('writes strings and numbers as JSON.stringify does (RFC 8785 for these)', () => {
    expect(canonicalJson(['line\nbreak "quoted" \u0001', 1e21, 0.1, -0, 5])).toBe('["line\\nbreak \\"quoted\\" \\u0001",1e+21,0.1,0,5]');
  });

  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
});
