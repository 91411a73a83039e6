import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Loading, Page } from '../components/Page.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { formatTimestamp } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';

type AuditRow = {
  id: number;
  at: string;
  username: string | null;
  displayName: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  ip: string | null;
};

export function Audit() {
  const { t } = useI18n();
  // Codes in words (i18n/audit.ts); an event the list does not know yet is shown by its code.
  const ord = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`;
    const text = t(key);
    return text === key ? code : text;
  };
  const q = useQuery({ queryKey: ['audit'], queryFn: () => api.get<AuditRow[]>('/audit?limit=200') });
  return (
    <Page title={t('audit.title')}>
      <p>{t('audit.intro')}</p>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <TableScroll label={t('audit.title')}>
          <table>
            <caption className="sr-only">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.tid')}</th>
                <th scope="col">{t('col.vem')}</th>
                <th scope="col">{t('col.handelse')}</th>
                <th scope="col">{t('col.objekt')}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((r) => (
                <tr key={r.id}>
                  <td>{formatTimestamp(r.at)}</td>
                  <td>{r.displayName ?? r.username ?? '–'}</td>
                  <td>{ord('audit.handelse', r.action)}</td>
                  <td>{r.resourceType ? ord('audit.objekt', r.resourceType) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
