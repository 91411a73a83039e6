/** The public statistics page /statistik (no login): key figures, the län tile map, the time series. */
export const oppenStatistik = {
  sv: {
    'nav.oppenStatistik': 'Öppen statistik',
    'oppen.title': 'Statistik om personligt ombud',
    'oppen.lead':
      'Öppen statistik för alla, utan inloggning: verksamheter, klienter och årsarbetare per år och län, ' +
      'och hur väl de täcker behovet. Bara redovisningar som länsstyrelsen har godkänt räknas.',
    'oppen.login': 'Logga in',
    'oppen.loginLink': 'Statistik om personligt ombud – öppen för alla',
    'oppen.ar': 'År',
    'oppen.ingen': 'Det finns ingen öppen statistik än: ingen redovisning är godkänd.',
    'oppen.okandAr': 'Det finns ingen statistik för {ar}. Visar {senaste}.',
    'oppen.nyckeltal': 'Hela landet {ar}',
    'oppen.verksamheter': 'Verksamheter',
    'oppen.klienter': 'Klienter',
    'oppen.klienterKon': '{kvinnor} kvinnor, {man} män',
    'oppen.nya': 'Nya klienter',
    'oppen.arsarbetare': 'Årsarbetare',
    'oppen.invanarePerArsarbetare': 'Invånare per årsarbetare',
    'oppen.normText': 'Normen är ett ombud per {norm} invånare.',
    'oppen.normArsarbetare': 'Årsarbetare enligt normen',
    'oppen.kommunerMedPo': 'Kommuner med personligt ombud',
    'oppen.avKommuner': '{n} av {av}',
    'oppen.kommunerUtanPo': 'Kommuner utan personligt ombud',
    'oppen.klienterPer10000': 'Klienter per 10 000 invånare',
    'oppen.koAndel': 'Andel verksamheter med kö',
    'oppen.vantande': 'Väntande 31 december',
    'oppen.folkmangd': 'Folkmängd',
    'oppen.lan': 'Län',
    'oppen.lanRubrik': 'Länen {ar}',
    'oppen.matt': 'Färga kartan efter',
    'oppen.karta': 'Karta över länen {ar}, färgad efter {matt}. Varje ruta är ett län.',
    'oppen.kartaHjalp':
      'Varje ruta är ett län, ungefär där det ligger. Välj en ruta för att se länets tidsserie nedan. ' +
      'Samma siffror finns i tabellen.',
    'oppen.teckenforklaring': 'Teckenförklaring: {matt}',
    'oppen.saknas': 'Saknas',
    'oppen.ruta': '{lan}, {matt}: {varde}',
    'oppen.rutaVald': '{lan}, {matt}: {varde} (vald)',
    'oppen.lanTabell': 'Täckning per län {ar}',
    'oppen.dolt':
      '.. = dolt värde. Antal personer från 1 till 4 visas inte, och ibland döljs ett värde till så att ' +
      'det dolda inte kan räknas fram ur summorna. – = går inte att räkna (till exempel inga årsarbetare).',
    'oppen.fordelning':
      'En verksamhet som täcker flera kommuner fördelas på kommunerna efter folkmängd. Folkmängd den ' +
      '31 december {folkar} används för alla år.',
    'oppen.tidsserie': 'Utvecklingen i hela landet {fran}–{till}',
    'oppen.tidsserieLan': 'Utvecklingen i {lan} {fran}–{till}',
    'oppen.valjLan': 'Visa också ett län',
    'oppen.ingetLan': 'Inget län',
    'oppen.tabellTidsserie': 'Nyckeltal per år, {omrade}',
    'oppen.riket': 'hela landet',
    'oppen.diagramKlienter': 'Klienter per år',
    'oppen.diagramKlienter.label':
      'Linjediagram: klienter per år {fran}–{till}, {omrade}: totalt, kvinnor, män och nya klienter.',
    'oppen.diagramTackning': 'Invånare per årsarbetare',
    'oppen.diagramTackning.label':
      'Linjediagram: invånare per årsarbetare {fran}–{till}, {omrade}, med normen {norm} som linje.',
    'oppen.diagramKo': 'Andel verksamheter med kö (%)',
    'oppen.diagramKo.label': 'Linjediagram: andel verksamheter med kö i procent {fran}–{till}, {omrade}.',
    'oppen.diagramAlder': 'Klienter per åldersgrupp',
    'oppen.diagramAlder.label':
      'Stapeldiagram: klienter per åldersgrupp och år {fran}–{till}, {omrade}, staplade: 18–29, 30–49, ' +
      '50–64 och 65 år eller äldre (kvinnor och män).',
    'oppen.diagramBarn': 'Klienter med barn under 18 år',
    'oppen.diagramBarn.label':
      'Diagram: klienter som bor med barn under 18 år per år {fran}–{till}, {omrade}: antalet som staplar ' +
      'och andelen av alla klienter i procent som linje.',
    'oppen.diagramKontakt': 'Kontaktorsaker (% av klienterna)',
    'oppen.diagramKontakt.label':
      'Linjediagram: andel av klienterna med varje kontaktorsak i procent {fran}–{till}, {omrade}.',
    'oppen.alderTotalt': 'Totalt, kvinnor och män',
    'oppen.medBarn': 'Med barn under 18 år',
    'oppen.andelMedBarn': 'Andel med barn',
    'oppen.tabellAlder': 'Klienter per åldersgrupp och med barn under 18 år, per år, {omrade}',
    'oppen.tabellKontakt': 'Andel av klienterna per kontaktorsak (%), per år, {omrade}',
    'oppen.alderNot':
      'Åldersgrupperna räknar kvinnor och män, som Tabell 3 i lägesrapporten: klienter med annan ' +
      'könsidentitet ingår inte. En klient kan ha flera kontaktorsaker. En andel visas inte (..) när ' +
      'antalet bakom den är dolt.',
    'oppen.norm': 'Normen',
    'oppen.kvinnor': 'Kvinnor',
    'oppen.man': 'Män',
    'oppen.totalt': 'Totalt',
    'oppen.riketRad': 'Riket',
    'oppen.oppnaData':
      'Siffrorna finns också som öppna data (JSON, CSV och JSON-stat) i API:t under /api/v1/oppna-data.',
    'oppen.apiLank': 'API-beskrivningen',
  },
  en: {
    'nav.oppenStatistik': 'Open statistics',
    'oppen.title': 'Statistics on personal ombudsmen',
    'oppen.lead':
      'Open statistics for everyone, without logging in: services, clients and full-time equivalents by ' +
      'year and county, and how well they cover the need. Only annual reports approved by the county ' +
      'administrative board count.',
    'oppen.login': 'Log in',
    'oppen.loginLink': 'Statistics on personal ombudsmen – open to everyone',
    'oppen.ar': 'Year',
    'oppen.ingen': 'There are no open statistics yet: no annual report has been approved.',
    'oppen.okandAr': 'There are no statistics for {ar}. Showing {senaste}.',
    'oppen.nyckeltal': 'The whole country {ar}',
    'oppen.verksamheter': 'Services',
    'oppen.klienter': 'Clients',
    'oppen.klienterKon': '{kvinnor} women, {man} men',
    'oppen.nya': 'New clients',
    'oppen.arsarbetare': 'Full-time equivalents',
    'oppen.invanarePerArsarbetare': 'Inhabitants per full-time equivalent',
    'oppen.normText': 'The norm is one ombudsman per {norm} inhabitants.',
    'oppen.normArsarbetare': 'Full-time equivalents by the norm',
    'oppen.kommunerMedPo': 'Municipalities with personal ombudsmen',
    'oppen.avKommuner': '{n} of {av}',
    'oppen.kommunerUtanPo': 'Municipalities without personal ombudsmen',
    'oppen.klienterPer10000': 'Clients per 10 000 inhabitants',
    'oppen.koAndel': 'Share of services with a queue',
    'oppen.vantande': 'Waiting on 31 December',
    'oppen.folkmangd': 'Population',
    'oppen.lan': 'County',
    'oppen.lanRubrik': 'The counties {ar}',
    'oppen.matt': 'Colour the map by',
    'oppen.karta': 'Map of the counties {ar}, coloured by {matt}. Each square is a county.',
    'oppen.kartaHjalp':
      'Each square is a county, roughly where it lies. Choose a square to see its time series below. ' +
      'The table has the same figures.',
    'oppen.teckenforklaring': 'Legend: {matt}',
    'oppen.saknas': 'Missing',
    'oppen.ruta': '{lan}, {matt}: {varde}',
    'oppen.rutaVald': '{lan}, {matt}: {varde} (selected)',
    'oppen.lanTabell': 'Coverage by county {ar}',
    'oppen.dolt':
      '.. = hidden value. Counts of 1 to 4 people are not shown, and sometimes one more value is hidden ' +
      'so that the hidden one cannot be worked out from the totals. – = cannot be computed (for example ' +
      'no full-time equivalents).',
    'oppen.fordelning':
      'A service covering several municipalities is divided between them by population. The population ' +
      'on 31 December {folkar} is used for every year.',
    'oppen.tidsserie': 'The whole country {fran}–{till}',
    'oppen.tidsserieLan': '{lan} {fran}–{till}',
    'oppen.valjLan': 'Also show a county',
    'oppen.ingetLan': 'No county',
    'oppen.tabellTidsserie': 'Key figures by year, {omrade}',
    'oppen.riket': 'the whole country',
    'oppen.diagramKlienter': 'Clients per year',
    'oppen.diagramKlienter.label':
      'Line chart: clients per year {fran}–{till}, {omrade}: total, women, men and new clients.',
    'oppen.diagramTackning': 'Inhabitants per full-time equivalent',
    'oppen.diagramTackning.label':
      'Line chart: inhabitants per full-time equivalent {fran}–{till}, {omrade}, with the norm of {norm} as a line.',
    'oppen.diagramKo': 'Share of services with a queue (%)',
    'oppen.diagramKo.label':
      'Line chart: share of services with a queue in per cent {fran}–{till}, {omrade}.',
    'oppen.diagramAlder': 'Clients by age group',
    'oppen.diagramAlder.label':
      'Bar chart: clients by age group and year {fran}–{till}, {omrade}, stacked: 18–29, 30–49, 50–64 ' +
      'and 65 years or older (women and men).',
    'oppen.diagramBarn': 'Clients with children under 18',
    'oppen.diagramBarn.label':
      'Chart: clients living with children under 18 per year {fran}–{till}, {omrade}: the number as bars ' +
      'and the share of all clients in per cent as a line.',
    'oppen.diagramKontakt': 'Contact reasons (% of clients)',
    'oppen.diagramKontakt.label':
      'Line chart: share of clients with each contact reason in per cent {fran}–{till}, {omrade}.',
    'oppen.alderTotalt': 'Total, women and men',
    'oppen.medBarn': 'With children under 18',
    'oppen.andelMedBarn': 'Share with children',
    'oppen.tabellAlder': 'Clients by age group and with children under 18, by year, {omrade}',
    'oppen.tabellKontakt': 'Share of clients by contact reason (%), by year, {omrade}',
    'oppen.alderNot':
      'The age groups count women and men, as Table 3 of the national report: clients of another gender ' +
      'identity are not included. A client can have several contact reasons. A share is not shown (..) ' +
      'when the number behind it is hidden.',
    'oppen.norm': 'The norm',
    'oppen.kvinnor': 'Women',
    'oppen.man': 'Men',
    'oppen.totalt': 'Total',
    'oppen.riketRad': 'Sweden',
    'oppen.oppnaData':
      'The figures are also open data (JSON, CSV and JSON-stat) in the API under /api/v1/oppna-data.',
    'oppen.apiLank': 'The API description',
  },
};
