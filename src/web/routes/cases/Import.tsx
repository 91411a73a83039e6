import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportResultat } from '../../../contracts/cases.ts';
import { Page } from '../../components/Page.tsx';
import { SpreadsheetImport } from '../../components/SpreadsheetImport.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { base, useVerksamhet } from './common.tsx';

/** Clients and their ärenden from a spreadsheet; invalid rows refuse the file unless the user skips them. */
export function Import() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const qc = useQueryClient();
  const [skipInvalid, setSkipInvalid] = useState(false);

  if (!v.id) {
    return (
      <Page title={t('import.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }

  return (
    <Page title={t('import.title')}>
      <SpreadsheetImport<ImportResultat>
        url={`${base(v.id)}/import/klienter${skipInvalid ? '?skipInvalid=true' : ''}`}
        templateUrl={`${base(v.id)}/import/klienter/mall`}
        texts={{
          lead: t('import.lead'),
          template: t('import.template'),
          templateXlsx: t('import.template.xlsx'),
          templateCsv: t('import.template.csv'),
          file: t('import.file'),
          submit: t('import.submit'),
          progress: t('import.progress'),
        }}
        options={
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={skipInvalid}
                onChange={(e) => setSkipInvalid(e.target.checked)}
              />{' '}
              {t('import.skipInvalid')}
            </label>
          </div>
        }
        onDone={() => qc.invalidateQueries()}
        renderResult={(result) => (
          <>
            <p role="status" className="alert alert-ok">
              {t('import.done', {
                arenden: formatNumber(result.arenden),
                klienter: formatNumber(result.klienter),
                hoppadeOver: formatNumber(result.hoppadeOver),
              })}
            </p>
            {result.fel.length ? (
              <table>
                <caption>{t('import.skipped')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.col.rad')}</th>
                    <th scope="col">{t('import.col.kolumn')}</th>
                    <th scope="col">{t('import.col.fel')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.fel.map((f) => (
                    <tr key={`${f.rad}-${f.kolumn}-${f.meddelande}`}>
                      <td className="num">{f.rad}</td>
                      <td>{f.kolumn ?? '–'}</td>
                      <td>{f.meddelande}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </>
        )}
      />
    </Page>
  );
}
