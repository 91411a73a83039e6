import { useQuery } from '@tanstack/react-query';
import type { VerksamhetItem } from '../../contracts/orgs.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading, Page } from '../components/Page.tsx';
import { useI18n } from '../i18n/index.tsx';

export function VerksamhetTable({ rows }: { rows: VerksamhetItem[] }) {
  const { t } = useI18n();
  return (
    <table>
      <caption className="sr-only">{t('verksamheter.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('col.namn')}</th>
          <th scope="col">{t('col.lan')}</th>
          <th scope="col">{t('col.utforare')}</th>
          <th scope="col">{t('col.omraden')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.id}>
            <td>{v.namn}</td>
            <td>{v.lanNamn}</td>
            <td>{t(`utforare.${v.utforare}`)}</td>
            <td>{v.omraden.map((o) => o.stadsdelsomradeNamn ?? o.kommunNamn).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Verksamheter() {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['verksamheter'],
    queryFn: () => api.get<VerksamhetItem[]>('/verksamheter'),
  });
  return (
    <Page title={t('verksamheter.title')}>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <VerksamhetTable rows={q.data} />
      )}
    </Page>
  );
}
