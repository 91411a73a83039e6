import { Link } from 'react-router';
import { dagarMellan } from '../../../domain/datum.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';

/** One thing to do: a count, what it counts, and the list behind it (already filtered). */
export interface Uppgift {
  /** null while the count is being fetched. */
  antal: number | null;
  /** Message key with .one/.other forms: the words after the number ("aktiva ärenden där du är ombud"). */
  text: string;
  till: string;
  /** A short addition after the link ("längst väntat 34 dagar"). */
  detalj?: string | undefined;
  /** Shown as needing attention when the count is above 0. */
  varning?: boolean;
}

/**
 * The start page's "Att göra": each line a number and its words as one link, so a screen reader says
 * "12 aktiva ärenden där du är ombud, länk" and the list opens filtered to exactly those 12.
 */
export function WorkList({ uppgifter, label }: { uppgifter: Uppgift[]; label: string }) {
  const { t, lang } = useI18n();
  return (
    <ul className="work-list" aria-label={label}>
      {uppgifter.map((u) => (
        <li key={u.till} className={u.varning && u.antal ? 'work-attention' : undefined}>
          <Link to={u.till}>
            <span className="work-count">{u.antal === null ? '…' : formatNumber(u.antal)}</span>
            <span>{u.antal === null ? t('start.laddar') : t(pluralKey(lang, u.text, u.antal))}</span>
          </Link>
          {u.detalj ? <span className="muted"> – {u.detalj}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** "Senast 2027-01-15 – 47 dagar kvar." for a deadline seen from today. */
export function DeadlineText({ datum, idag }: { datum: string; idag: string }) {
  const { t, lang } = useI18n();
  const kvar = dagarMellan(idag, datum);
  if (kvar < 0) return <>{t('start.deadline.passerad', { datum })}</>;
  if (kvar === 0) return <>{t('start.deadline.idag', { datum })}</>;
  return <>{t(pluralKey(lang, 'start.deadline.kvar', kvar), { datum, n: formatNumber(kvar) })}</>;
}
