import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { inEnglish } from '../../contracts/messages/english.ts';
import { type Lang, messages } from './messages.ts';

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  /** The message for `key` in the current language (Swedish when missing), with {placeholders} filled. */
  t: (key: string, vars?: Record<string, string | number>) => string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem('ombud.lang') === 'en' ? 'en' : 'sv',
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('ombud.lang', l);
    setLangState(l);
  }, []);
  const t = useCallback(
    (key: string, vars?: Record<string, string | number>) => {
      const text = messages[lang][key] ?? messages.sv[key] ?? key;
      return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : text;
    },
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}

/**
 * For sentences the domain writes in Swedish (the redovisning's rules, the grant's warnings): the same
 * sentence in the language the person reads, through the English table the server uses for its errors.
 */
export function useDomainText(): (sv: string) => string {
  const { lang } = useI18n();
  return useCallback((sv: string) => (lang === 'en' ? inEnglish(sv) : sv), [lang]);
}
