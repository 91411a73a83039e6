import type { ReactNode } from 'react';
import type { GranskningView } from '../../../contracts/redovisning.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatTimestamp } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ArbetssattVisning } from './Arbetssatt.tsx';
import {
  AlderSumma,
  alderRader,
  etikett,
  Figur,
  type Granskningsmarkering,
  GTabell,
  klientRader,
  orsakRader,
  visa,
} from './common.tsx';

type Kommentar = GranskningView['kommentarer'][number];

const KO_FALT = [
  ['vantetidMedianDagar', 'red.ko.median'],
  ['vantetidMaxDagar', 'red.ko.max'],
  ['antalIKo3112', 'red.ko.3112'],
] as const;
const PERSONAL_FALT = ['ombud', 'arsarbetare', 'kvinnor', 'man'] as const;
const TEXT_FALT = [
  'forandringarMalgrupp',
  'forbattringsarbete',
  'atgarderBrister',
  'jamstalldhetsanalys',
] as const;

/**
 * The submitted report as the verksamhet sees it, every section (clients, age groups, contact reasons,
 * queue and waiting times, staff, the verksamhet's arbetssätt, texts, the ansökan), last year beside this year. In the review each
 * figure and each section can be picked for a comment; the comments are shown in the section they belong
 * to, and values changed since the returned version show the old value crossed out.
 */
export function GranskningRapport({ v, m }: { v: GranskningView; m: Granskningsmarkering }) {
  const { t, lang } = useI18n();
  const d = v.dokument;
  const fore = v.forraAret?.dokument;
  const ar = v.ar;

  return (
    <>
      <Avsnitt id="gr-klienter" rot="klienter" rubrik={t('red.figures')} v={v} m={m}>
        <GTabell
          caption={t('red.figures.caption', { ar })}
          ar={ar}
          rader={klientRader(d, fore, t)}
          granskning={m}
        />
        <GTabell
          caption={t('red.alder', { ar })}
          ar={ar}
          rader={alderRader(d, fore, lang)}
          fot={<AlderSumma d={d} fel={{}} />}
          granskning={m}
        />
      </Avsnitt>
      <Avsnitt id="gr-orsaker" rot="kontaktorsaker" rubrik={t('red.orsaker')} v={v} m={m}>
        <GTabell caption={t('red.orsaker')} ar={ar} rader={orsakRader(d, fore, lang)} granskning={m} />
      </Avsnitt>
      <Avsnitt id="gr-ko" rot="ko" rubrik={t('red.ko')} v={v} m={m}>
        <TableScroll label={t('red.ko')}>
          <table>
            <caption className="sr-only">{t('red.ko')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('red.row')}</th>
                <th scope="col" className="num">
                  {ar}
                </th>
                <th scope="col" className="num">
                  {ar - 1}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('red.ko.harKo')}</th>
                <td className="num">
                  <Figur
                    path="ko.harKo"
                    label={t('red.ko.harKo')}
                    varde={t(d.ko.harKo ? 'red.yes' : 'red.no')}
                    m={m}
                  />
                </td>
                <td className="num">{fore?.ko ? t(fore.ko.harKo ? 'red.yes' : 'red.no') : '–'}</td>
              </tr>
              {KO_FALT.map(([falt, nyckel]) => (
                <tr key={falt}>
                  <th scope="row">{t(nyckel)}</th>
                  <td className="num">
                    <Figur path={`ko.${falt}`} label={t(nyckel)} varde={d.ko[falt]} m={m} />
                  </td>
                  <td className="num">{visa(fore?.ko?.[falt])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Avsnitt>
      <Avsnitt id="gr-personal" rot="personal" rubrik={t('red.personal')} v={v} m={m}>
        <dl className="facts">
          {PERSONAL_FALT.map((k) => (
            <Fakta key={k} namn={t(`red.personal.${k}`)}>
              <Figur path={`personal.${k}`} label={t(`red.personal.${k}`)} varde={d.personal[k]} m={m} />{' '}
              <span className="muted">
                ({ar - 1}: {visa(fore?.personal?.[k])})
              </span>
            </Fakta>
          ))}
        </dl>
      </Avsnitt>
      {d.arbetssatt ? (
        <Avsnitt id="gr-arbetssatt" rot="arbetssatt" rubrik={t('red.arbetssatt')} v={v} m={m}>
          <ArbetssattVisning a={d.arbetssatt} fore={fore} ar={ar} m={m} rubrik={false} />
        </Avsnitt>
      ) : (
        <section className="card" aria-labelledby="gr-arbetssatt">
          <h2 id="gr-arbetssatt">{t('red.arbetssatt')}</h2>
          <ArbetssattVisning a={undefined} fore={fore} ar={ar} rubrik={false} />
        </section>
      )}
      <Avsnitt id="gr-texter" rot="text" rubrik={t('red.text')} v={v} m={m}>
        {TEXT_FALT.map((k) =>
          d.text[k] ? (
            <div key={k}>
              <h3>{t(`red.text.${k}`)}</h3>
              <p>{d.text[k]}</p>
              <KommenteraKnapp path={`text.${k}`} namn={t(`red.text.${k}`)} m={m} />
            </div>
          ) : null,
        )}
      </Avsnitt>
      <Avsnitt id="gr-ansokan" rot="ansokan" rubrik={t('red.ansokan', { ar: d.ansokan.ar })} v={v} m={m}>
        <dl className="facts">
          <Fakta namn={t('red.ansokan.arsarbetare')}>
            <Figur
              path="ansokan.arsarbetare"
              label={t('red.ansokan.arsarbetare')}
              varde={d.ansokan.arsarbetare}
              m={m}
            />
          </Fakta>
          {(d.ansokan.perKommun ?? []).map((p, i) => (
            <Fakta key={p.kommunKod} namn={t('red.ansokan.kommun', { kod: p.kommunKod })}>
              <Figur
                path={`ansokan.perKommun.${i}.arsarbetare`}
                label={t('red.ansokan.kommun', { kod: p.kommunKod })}
                varde={p.arsarbetare}
                m={m}
              />
            </Fakta>
          ))}
          <Fakta namn={t('red.ansokan.kontaktperson')}>{d.ansokan.kontaktperson || '–'}</Fakta>
          <Fakta namn={t('red.ansokan.beslutsdatum')}>{d.ansokan.beslutsdatum ?? '–'}</Fakta>
        </dl>
      </Avsnitt>
    </>
  );
}

function Fakta({ namn, children }: { namn: string; children: ReactNode }) {
  return (
    <>
      <dt>{namn}</dt>
      <dd>{children}</dd>
    </>
  );
}

function KommenteraKnapp({ path, namn, m }: { path: string; namn: string; m: Granskningsmarkering }) {
  const { t } = useI18n();
  return (
    <button type="button" className="secondary small" onClick={() => m.valj(path)}>
      {t('gr.avsnitt.kommentera')} <span className="sr-only">{namn}</span>
    </button>
  );
}

/** A section of the report with its own comments below it and a button to comment on the whole section. */
function Avsnitt({
  id,
  rot,
  rubrik,
  v,
  m,
  children,
}: {
  id: string;
  /** The document path of the section; comments on it or anything below it are listed here. */
  rot: string;
  rubrik: string;
  v: GranskningView;
  m: Granskningsmarkering;
  children: ReactNode;
}) {
  const { t, lang } = useI18n();
  const egna = v.kommentarer.filter((k: Kommentar) => k.path === rot || k.path?.startsWith(`${rot}.`));
  return (
    <section className="card" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{rubrik}</h2>
        <KommenteraKnapp path={rot} namn={rubrik} m={m} />
      </div>
      {children}
      {egna.length ? (
        <div className="avsnitt-kommentarer">
          <h3>{t('gr.avsnitt.kommentarer', { n: egna.length })}</h3>
          <ul>
            {egna.map((k) => (
              <li key={k.id}>
                <strong>{k.path === rot ? rubrik : etikett(k.path!, t, lang)}</strong> (v{k.version},{' '}
                {k.anvandare}, {formatTimestamp(k.at)}): {k.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
