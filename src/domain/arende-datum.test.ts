// Dates of an ärende (domain brief "Casework": request → queue → start of work → closed; waiting time =
// days from request to start). Today is fixed to 2025-06-15 in every case.
import { describe, expect, it } from 'vitest';
import { type ArendeDatum, type ArendeDatumRegel, valideraArendeDatum } from './arende-datum.ts';

const IDAG = '2025-06-15';

describe('valideraArendeDatum', () => {
  it.each<[string, ArendeDatum]>([
    ['a fresh request', { forfraganDatum: '2025-06-15', startDatum: null, avslutDatum: null }],
    ['started the same day', { forfraganDatum: '2025-06-01', startDatum: '2025-06-01', avslutDatum: null }],
    [
      'closed the day it started',
      { forfraganDatum: '2024-02-29', startDatum: '2024-02-29', avslutDatum: '2024-02-29' },
    ],
    ['a full story', { forfraganDatum: '2024-11-01', startDatum: '2024-12-01', avslutDatum: '2025-06-15' }],
    [
      'ej aktuell with its date',
      { forfraganDatum: '2025-03-01', startDatum: null, avslutDatum: '2025-04-01', status: 'ej_aktuell' },
    ],
    ['queued', { forfraganDatum: '2025-03-01', startDatum: null, avslutDatum: null, status: 'ko' }],
    [
      'active',
      { forfraganDatum: '2025-03-01', startDatum: '2025-04-01', avslutDatum: null, status: 'aktiv' },
    ],
    [
      'closed',
      {
        forfraganDatum: '2025-03-01',
        startDatum: '2025-04-01',
        avslutDatum: '2025-05-01',
        status: 'avslutad',
      },
    ],
  ])('accepts %s', (_namn, d) => {
    expect(valideraArendeDatum(d, IDAG)).toEqual([]);
  });

  it.each<[string, ArendeDatum, Array<[string, ArendeDatumRegel]>]>([
    [
      'impossible date',
      { forfraganDatum: '2025-02-29', startDatum: null, avslutDatum: null },
      [['forfraganDatum', 'ogiltigt_datum']],
    ],
    [
      'wrong format',
      { forfraganDatum: '2025-03-01', startDatum: '1/4 2025', avslutDatum: null },
      [['startDatum', 'ogiltigt_datum']],
    ],
    [
      'request tomorrow',
      { forfraganDatum: '2025-06-16', startDatum: null, avslutDatum: null },
      [['forfraganDatum', 'framtida_datum']],
    ],
    [
      'start tomorrow',
      { forfraganDatum: '2025-06-01', startDatum: '2025-06-16', avslutDatum: null },
      [['startDatum', 'framtida_datum']],
    ],
    [
      'close in the future',
      { forfraganDatum: '2025-06-01', startDatum: '2025-06-02', avslutDatum: '2026-01-01' },
      [['avslutDatum', 'framtida_datum']],
    ],
    [
      'start before request',
      { forfraganDatum: '2025-03-01', startDatum: '2025-02-28', avslutDatum: null },
      [['startDatum', 'start_fore_forfragan']],
    ],
    [
      'close before start',
      { forfraganDatum: '2025-03-01', startDatum: '2025-03-10', avslutDatum: '2025-03-09' },
      [['avslutDatum', 'avslut_fore_start']],
    ],
    [
      'close without start',
      { forfraganDatum: '2025-03-01', startDatum: null, avslutDatum: '2025-03-09' },
      [['avslutDatum', 'avslut_utan_start']],
    ],
    [
      'ej aktuell before the request',
      { forfraganDatum: '2025-03-01', startDatum: null, avslutDatum: '2025-02-01', status: 'ej_aktuell' },
      [['avslutDatum', 'avslut_fore_forfragan']],
    ],
    [
      'active without start',
      { forfraganDatum: '2025-03-01', startDatum: null, avslutDatum: null, status: 'aktiv' },
      [['startDatum', 'start_saknas']],
    ],
    [
      'closed without close date',
      { forfraganDatum: '2025-03-01', startDatum: '2025-03-02', avslutDatum: null, status: 'avslutad' },
      [['avslutDatum', 'avslut_saknas']],
    ],
    [
      'queued with a start',
      { forfraganDatum: '2025-03-01', startDatum: '2025-03-02', avslutDatum: null, status: 'ko' },
      [['startDatum', 'start_ej_tillaten']],
    ],
    [
      'ej aktuell with a start',
      { forfraganDatum: '2025-03-01', startDatum: '2025-03-02', avslutDatum: null, status: 'ej_aktuell' },
      [['startDatum', 'start_ej_tillaten']],
    ],
    [
      'active with a close date',
      { forfraganDatum: '2025-03-01', startDatum: '2025-03-02', avslutDatum: '2025-04-01', status: 'aktiv' },
      [['avslutDatum', 'avslut_ej_tillaten']],
    ],
    [
      'everything backwards',
      { forfraganDatum: '2025-05-01', startDatum: '2025-04-01', avslutDatum: '2025-03-01' },
      [
        ['startDatum', 'start_fore_forfragan'],
        ['avslutDatum', 'avslut_fore_start'],
      ],
    ],
  ])('refuses %s', (_namn, d, vantat) => {
    expect(valideraArendeDatum(d, IDAG).map((f) => [f.field, f.rule])).toEqual(vantat);
  });

  it('explains in Swedish with the dates involved', () => {
    expect(
      valideraArendeDatum(
        { forfraganDatum: '2025-03-01', startDatum: '2025-02-28', avslutDatum: null },
        IDAG,
      ),
    ).toEqual([
      {
        field: 'startDatum',
        rule: 'start_fore_forfragan',
        message: 'Startdatum (2025-02-28) kan inte ligga före förfrågan (2025-03-01).',
      },
    ]);
  });
});
