import { useQuery } from '@tanstack/react-query';
import type { OppnaTidsserie } from '../../../contracts/oppna-data.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Tidsserie } from './Tidsserie.tsx';
import './oppen-statistik.css';

/**
 * The nation's (or one län's) key figures over every year with approved reports, as on /statistik: for the
 * national and the län pages, which otherwise show one year at a time. The published figures (small
 * numbers hidden), so the three pages agree.
 */
export function Utvecklingen({ lanKod }: { lanKod?: string }) {
  const { t } = useI18n();
  const serie = useQuery({
    queryKey: ['oppna-data', 'tidsserie'],
    queryFn: () => api.get<OppnaTidsserie>('/oppna-data/tidsserie'),
  });
  if (serie.error) return <ErrorMessage error={serie.error} />;
  const d = serie.data;
  if (!d || d.ar.length === 0) return null;
  const span = { fran: d.ar[0]!, till: d.ar.at(-1)! };
  const lan = lanKod ? d.perLan.find((l) => l.lanKod === lanKod) : undefined;
  if (lanKod && !lan) return null;
  return (
    <section className="oppen-statistik">
      <Tidsserie
        id={lan ? 'utveckling-lan' : 'utveckling-riket'}
        rubrik={lan ? t('oppen.tidsserieLan', { lan: lan.lanNamn, ...span }) : t('oppen.tidsserie', span)}
        omrade={lan ? lan.lanNamn : t('oppen.riket')}
        serie={lan ? lan.serie : d.riket}
        norm={d.norm.invanarePerArsarbetare}
      />
      <p className="muted">{t('oppen.dolt')}</p>
    </section>
  );
}
