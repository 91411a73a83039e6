import { sql } from 'drizzle-orm';
import { type Queryable, query } from '../../db/client.ts';

/** The first year the verksamhet has an ärende request in; null without casework. */
export async function forstaAret(db: Queryable, verksamhetId: string): Promise<number | null> {
  const [r] = await query<{ ar: number | null }>(
    db,
    sql`select extract(year from min(forfragan_datum))::int as ar from arende where verksamhet_id = ${verksamhetId}`,
  );
  return r?.ar ?? null;
}

/**
 * The queue month by month for the 24 months up to `idag`: waiting at each month's end (today for this
 * month) — requested, not yet started, not closed (ej aktuell) by then — and the ärenden started in the month
 * with their median wait. Dates, not today's status, so past months read as they were.
 */
export async function koPerManad(db: Queryable, verksamhetId: string, idag: string) {
  const rows = await query<{ manad: string; i_ko: number; startade: number; median: string | number | null }>(
    db,
    sql`with m as (
          select d::date as borjan, least((d + interval '1 month' - interval '1 day')::date, ${idag}::date) as slut
          from generate_series(date_trunc('month', ${idag}::date) - interval '23 months',
                               date_trunc('month', ${idag}::date), interval '1 month') d
        )
        select to_char(m.borjan, 'YYYY-MM') as manad,
          (select count(*) from arende a
            where a.verksamhet_id = ${verksamhetId} and a.forfragan_datum <= m.slut
              and (a.start_datum is null or a.start_datum > m.slut)
              and (a.avslut_datum is null or a.avslut_datum > m.slut)
              and not (a.status = 'ej_aktuell' and a.avslut_datum is null))::int as i_ko,
          (select count(*) from arende a
            where a.verksamhet_id = ${verksamhetId} and a.start_datum between m.borjan and m.slut)::int as startade,
          (select percentile_cont(0.5) within group (order by a.start_datum - a.forfragan_datum) from arende a
            where a.verksamhet_id = ${verksamhetId} and a.start_datum between m.borjan and m.slut) as median
        from m order by m.borjan`,
  );
  return rows.map((r) => ({
    manad: r.manad,
    iKo: Number(r.i_ko),
    startade: Number(r.startade),
    medianVantedagar: r.median === null ? null : Math.round(Number(r.median)),
  }));
}
