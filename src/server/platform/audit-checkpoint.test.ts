// Signed checkpoints of the audit chain, without a database: signing, refusing anything altered, and
// deciding whether a chain still reaches a checkpoint.
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_FORMAT, checkpointFailure, readCheckpoint, signCheckpoint } from './audit-checkpoint.ts';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const HEAD = { count: 5, headId: 12, headHash: 'ab'.repeat(32) };
const AT = new Date('2026-01-31T02:00:00.000Z');
const SIGNATURE_MESSAGE = /Kontrollpunktens signatur stämmer inte/;

const signed = () => signCheckpoint(HEAD, KEY, AT);
const text = (o: unknown) => JSON.stringify(o);

describe('signCheckpoint and readCheckpoint', () => {
  it('round-trips, whatever the field order and formatting of the file', () => {
    const cp = signed();
    expect(cp).toMatchObject({ format: CHECKPOINT_FORMAT, ...HEAD, at: '2026-01-31T02:00:00.000Z' });
    expect(cp.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(readCheckpoint(JSON.stringify(cp, null, 2), KEY)).toEqual(cp);
    const reordered = Object.fromEntries(Object.entries(cp).reverse());
    expect(readCheckpoint(text(reordered), KEY)).toEqual(cp);
  });

  it.each([
    ['count (pretending the log was shorter)', { count: 3 }],
    ['headId', { headId: 10 }],
    ['headHash', { headHash: 'cd'.repeat(32) }],
    ['at', { at: '2026-01-30T02:00:00.000Z' }],
  ])('refuses a checkpoint whose %s was changed after signing', (_, change) => {
    expect(() => readCheckpoint(text({ ...signed(), ...change }), KEY)).toThrow(SIGNATURE_MESSAGE);
  });

  it('refuses a tampered signature and one made with another key', () => {
    const cp = signed();
    const flipped = `${cp.signature[0] === '0' ? '1' : '0'}${cp.signature.slice(1)}`;
    expect(() => readCheckpoint(text({ ...cp, signature: flipped }), KEY)).toThrow(SIGNATURE_MESSAGE);
    expect(() => readCheckpoint(text(signCheckpoint(HEAD, OTHER_KEY, AT)), KEY)).toThrow(SIGNATURE_MESSAGE);
  });

  it.each([
    ['not JSON', 'inte json', /inte giltig JSON/],
    ['another format', text({ ...signed(), format: 'ombud.audit-checkpoint/v2' }), /fel form/],
    ['an unknown field', text({ ...signed(), extra: 1 }), /fel form/],
    ['a missing signature', text({ ...signed(), signature: undefined }), /fel form/],
    ['a negative count', text({ ...signed(), count: -1 }), /fel form/],
  ])('refuses %s with a Swedish message', (_, input, message) => {
    expect(() => readCheckpoint(input, KEY)).toThrow(message);
  });
});

describe('checkpointFailure', () => {
  const at = { id: HEAD.headId, hash: HEAD.headHash };
  it.each([
    ['the same chain', 5, at, null],
    ['a longer chain through the same head', 9, at, null],
    ['a shorter chain', 4, undefined, /4 poster men hade 5.*tagits bort/],
    ['another entry at the checkpoint position', 7, { id: 14, hash: 'ee'.repeat(32) }, /post nummer 5/],
    ['the same id with another hash', 5, { id: 12, hash: 'ee'.repeat(32) }, /ersatts/],
  ])('%s', (_, count, atPosition, expected) => {
    const r = checkpointFailure(HEAD, count, atPosition);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });

  it('an empty log checkpoint is reached by any chain', () => {
    expect(checkpointFailure({ count: 0, headId: 0, headHash: '0'.repeat(64) }, 0, undefined)).toBeNull();
    expect(checkpointFailure({ count: 0, headId: 0, headHash: '0'.repeat(64) }, 3, undefined)).toBeNull();
  });
});
