import { useQuery } from '@tanstack/react-query';
import type { VerksamhetItem } from '../../contracts/orgs.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FigureTable } from '../components/FigureTable.tsx';
import { Loading, Page } from '../components/Page.tsx';
import { useI18n } from '../i18n/index.tsx';

export function VerksamhetTable({ rows }: { rows: VerksamhetItem[] }) {
  const { t } = useI18n();
  return (
    <FigureTable
      caption={t('verksamheter.title')}
      captionHidden
      columns={[
        { label: t('col.namn') },
        { label: t('col.lan') },
        { label: t('col.utforare') },
        { label: t('col.omraden') },
      ]}
      rows={rows.map((v) => ({
        key: v.id,
        cells: [
          v.namn,
          v.lanNamn,
          t(`utforare.${v.utforare}`),
          v.omraden.map((o) => o.stadsdelsomradeNamn ?? o.kommunNamn).join(', '),
        ],
      }))}
    />
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
