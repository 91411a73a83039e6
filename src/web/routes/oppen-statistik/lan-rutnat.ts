/**
 * Where each län's square sits in the tile map: a fixed grid of 4 columns × 9 rows, each län roughly where
 * it lies (Norrbotten top right, Skåne at the bottom, Gotland east of Östergötland). Nothing is fetched:
 * the codes are SCB's län codes, as in the reference data. `kort` is the name printed in the square.
 */
export interface Ruta {
  kol: number;
  rad: number;
  kort: string;
}

export const LAN_RUTOR: Readonly<Record<string, Ruta>> = {
  '25': { kol: 3, rad: 0, kort: 'Norrbotten' },
  '24': { kol: 2, rad: 1, kort: 'Västerbotten' },
  '23': { kol: 1, rad: 2, kort: 'Jämtland' },
  '22': { kol: 2, rad: 2, kort: 'Västernorrl.' },
  '20': { kol: 1, rad: 3, kort: 'Dalarna' },
  '21': { kol: 2, rad: 3, kort: 'Gävleborg' },
  '17': { kol: 0, rad: 4, kort: 'Värmland' },
  '18': { kol: 1, rad: 4, kort: 'Örebro' },
  '19': { kol: 2, rad: 4, kort: 'Västmanland' },
  '03': { kol: 3, rad: 4, kort: 'Uppsala' },
  '14': { kol: 0, rad: 5, kort: 'V. Götaland' },
  '04': { kol: 2, rad: 5, kort: 'Sörmland' },
  '01': { kol: 3, rad: 5, kort: 'Stockholm' },
  '06': { kol: 1, rad: 6, kort: 'Jönköping' },
  '05': { kol: 2, rad: 6, kort: 'Östergötland' },
  '09': { kol: 3, rad: 6, kort: 'Gotland' },
  '13': { kol: 0, rad: 7, kort: 'Halland' },
  '07': { kol: 1, rad: 7, kort: 'Kronoberg' },
  '08': { kol: 2, rad: 7, kort: 'Kalmar' },
  '12': { kol: 1, rad: 8, kort: 'Skåne' },
  '10': { kol: 2, rad: 8, kort: 'Blekinge' },
};

export const KOLUMNER = 4;
export const RADER = 9;
