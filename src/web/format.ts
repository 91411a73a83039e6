// Numbers as Swedish readers write them (10 561), dates ISO, times in Europe/Stockholm.
const tal = new Intl.NumberFormat('sv-SE');
const tid = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatNumber = (n: number) => tal.format(n);
/** A UTC timestamp shown in Stockholm time: 2026-11-23 12:04. */
export const formatTimestamp = (iso: string) => tid.format(new Date(iso)).replace(',', '');
export const formatPercent = (n: number, decimals = 0) =>
  `${new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n)} %`;
