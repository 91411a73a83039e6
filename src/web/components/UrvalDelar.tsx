import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { Field } from './Field.tsx';

/**
 * Parts every list's filter form has: a period of two dates (both days included) and the row under the
 * fields, where Visa applies the draft and "Rensa urvalet" opens the list with no filter.
 */

/** The period's two date fields, read from and written to a draft with `fran` and `till`. */
export function Period<U extends { fran: string; till: string }>({
  draft,
  setDraft,
  franLabel,
  tillLabel,
}: {
  draft: U;
  setDraft: Dispatch<SetStateAction<U>>;
  franLabel: string;
  tillLabel: string;
}) {
  return (
    <>
      <Field
        label={franLabel}
        type="date"
        value={draft.fran}
        onChange={(ev) => setDraft((d) => ({ ...d, fran: ev.target.value }))}
      />
      <Field
        label={tillLabel}
        type="date"
        value={draft.till}
        onChange={(ev) => setDraft((d) => ({ ...d, till: ev.target.value }))}
      />
    </>
  );
}

/** Visa (the form's submit) and the link that clears the selection. */
export function VisaRensa({
  rensa,
  visa,
  onRensa,
}: {
  rensa: string;
  visa?: ReactNode;
  onRensa?: () => void;
}) {
  const { t } = useI18n();
  return (
    <p className="button-row" style={{ justifyContent: 'flex-start', alignItems: 'center' }}>
      <button type="submit">{visa ?? t('arenden.visa')}</button>
      <Link to={rensa} onClick={onRensa}>
        {t('arenden.rensa')}
      </Link>
    </p>
  );
}
