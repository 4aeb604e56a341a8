import { describe, expect, it, vi } from 'vitest';
import { lang, loadEnglish, setLang, t, useMessages, type MessageDomain, type MessageKey } from '../../../src/lib/i18n';

/** A message file of its own, so the shared tables of the other tests are not involved. */
function domain(prefix: string) {
  const en = vi.fn(async () => ({ default: { [`${prefix}.k`]: 'in English {n}' } }));
  const d: MessageDomain = { id: { [`${prefix}.k`]: 'dalam bahasa Indonesia {n}' }, en };
  return { d, en, key: `${prefix}.k` as MessageKey };
}

describe('English message tables load on demand', () => {
  it('a page in Indonesian never loads them; the switch to English loads each once and t() then answers in English', async () => {
    const { d, en, key } = domain('lazyA');
    useMessages(d);
    expect(en).not.toHaveBeenCalled();
    // Not loaded yet: the Indonesian text, never the key.
    expect(t(key, { n: 1 }, 'en')).toBe('dalam bahasa Indonesia 1');
    setLang('en');
    try {
      expect(en).toHaveBeenCalledTimes(1);
      await loadEnglish(d);
      expect(t(key, { n: 2 })).toBe('in English 2');
      setLang('en');
      await loadEnglish();
      expect(en).toHaveBeenCalledTimes(1);
    } finally {
      setLang('id');
    }
    expect(lang.current).toBe('id');
    expect(t(key, { n: 3 })).toBe('dalam bahasa Indonesia 3');
  });

  it('a file registered while English is on loads its English at once; a failed load is tried again', async () => {
    const { d, en, key } = domain('lazyB');
    en.mockRejectedValueOnce(new Error('offline'));
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    setLang('en');
    try {
      useMessages(d);
      expect(en).toHaveBeenCalledTimes(1);
      await expect(loadEnglish(d)).rejects.toThrow('offline');
      expect(reported).toHaveBeenCalled(); // the page stays in Indonesian and says why in the console
      await loadEnglish(d);
      expect(en).toHaveBeenCalledTimes(2);
      expect(t(key, { n: 4 })).toBe('in English 4');
    } finally {
      setLang('id');
      reported.mockRestore();
    }
  });
});
