import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptField, decryptOptional, encryptField, encryptOptional, isEncrypted } from './field-crypto.ts';

const kek = randomBytes(32);

describe('field encryption at rest', () => {
  it('round-trips text (Swedish letters, emoji, empty) and never stores it in clear', () => {
    for (const v of ['19121212-1212', 'Åsa Öberg, Storgatan 1', '😀 anteckning', '']) {
      const stored = encryptField(v, kek);
      expect(isEncrypted(stored)).toBe(true);
      if (v) expect(stored).not.toContain(v);
      expect(decryptField(stored, kek)).toBe(v);
    }
    expect(encryptOptional(null, kek)).toBeNull();
    expect(decryptOptional(null, kek)).toBeNull();
  });

  it('the same value encrypts differently each time (random IV)', () => {
    expect(encryptField('samma', kek)).not.toBe(encryptField('samma', kek));
  });

  it('fails with another key-encryption key', () => {
    const stored = encryptField('hemligt', kek);
    expect(() => decryptField(stored, randomBytes(32))).toThrow();
  });

  it('fails when a stored value was altered', () => {
    const stored = encryptField('hemligt värde', kek);
    const raw = Buffer.from(stored.slice(5), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => decryptField(`enc1:${raw.toString('base64')}`, kek)).toThrow();
  });

  it('reads legacy plaintext (written before encryption) as it is', () => {
    expect(decryptField('gammal klartext', kek)).toBe('gammal klartext');
  });
});
