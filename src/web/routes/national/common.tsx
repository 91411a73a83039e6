import { SelectField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Reports are for the year before; the grant page looks at the current year. */
export const standardAr = (forskjutning = 1) => new Date().getFullYear() - forskjutning;

export function ArVal({
  ar,
  setAr,
  forskjutning = 1,
}: {
  ar: number;
  setAr: (n: number) => void;
  forskjutning?: number;
}) {
  const { t } = useI18n();
  const senaste = new Date().getFullYear() + 1 - forskjutning;
  const ar5 = Array.from({ length: 6 }, (_, i) => senaste - i);
  return (
    <SelectField
      label={t('nat.ar')}
      value={String(ar)}
      onChange={(e) => setAr(Number(e.target.value))}
      options={ar5.map((a) => ({ value: String(a), label: String(a) }))}
    />
  );
}

export function Forhandsvisning({ varde, satt }: { varde: boolean; satt: (v: boolean) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label>
        <input type="checkbox" checked={varde} onChange={(e) => satt(e.target.checked)} /> {t('nat.preview')}
      </label>
    </div>
  );
}
