import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { SpreadsheetImport } from '../../components/SpreadsheetImport.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useVerksamhet } from './common.tsx';

/**
 * Brister from a spreadsheet (CSV or xlsx): the same file formats as the client import, all or nothing.
 * A refused file lists every bad row in words ("Rad 3, kolumn niva: …") in the error summary.
 */
export function BristImport() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const qc = useQueryClient();

  if (!v.id) {
    return (
      <Page title={t('brist.import.title')}>
        <p>{t('brist.noVerksamhet')}</p>
      </Page>
    );
  }
  const base = `/verksamheter/${v.id}/import/brister`;

  return (
    <Page title={t('brist.import.title')}>
      <SpreadsheetImport<{ importerade: number }>
        url={base}
        templateUrl={`${base}/mall`}
        texts={{
          lead: t('brist.import.lead'),
          template: t('brist.import.template'),
          templateXlsx: t('brist.import.template.xlsx'),
          templateCsv: t('brist.import.template.csv'),
          file: t('brist.import.file'),
          submit: t('brist.import.submit'),
          progress: t('brist.import.progress'),
        }}
        onDone={() => qc.invalidateQueries({ queryKey: ['brister'] })}
        renderResult={(r) => (
          <p role="status" className="alert alert-ok">
            {t('brist.import.done', { n: formatNumber(r.importerade) })}{' '}
            <Link to="/brister">{t('brist.import.tillLista')}</Link>
          </p>
        )}
      />
    </Page>
  );
}
