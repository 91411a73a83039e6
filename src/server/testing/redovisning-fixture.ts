// A redovisning document that passes every rule, shared by the tests that need one.
const g = (kvinna: number, man: number, annan = 0) => ({ kvinna, man, annan, totalt: kvinna + man + annan });

/** A redovisning that passes every rule (9 clients): the redovisning tests, the world and the access matrix. */
export function giltigRedovisning(ar: number) {
  return {
    klienter: {
      totalt: g(5, 4),
      nya: g(2, 2),
      avslutade: g(1, 1),
      medBarn: g(1, 0),
      alder: { '18-29': g(1, 1), '30-49': g(2, 2), '50-64': g(1, 1), '65+': g(1, 0) },
    },
    kontaktorsaker: {
      ekonomi: g(3, 2),
      bostad: g(1, 1),
      sysselsattning: g(0, 0),
      struktur_i_vardagen: g(0, 0),
      bryta_isolering: g(0, 0),
      relationsfragor: g(0, 0),
      existentiella_fragor: g(0, 0),
      myndighetskontakter: g(4, 3),
      sjukvardskontakter: g(0, 0),
      annan: g(0, 0),
    },
    ko: { harKo: true, vantetidMedianDagar: 20, vantetidMaxDagar: 60, antalIKo3112: 2 },
    personal: { ombud: 2, arsarbetare: 1.5, kvinnor: 1, man: 1 },
    ansokan: { ar: ar + 1, arsarbetare: 1.5 },
    text: {
      forandringarMalgrupp: 'Fler unga vuxna i långvarig isolering.',
      forbattringsarbete: 'Dialog med ekonomiskt bistånd om blanketterna.',
      jamstalldhetsanalys: 'Fler kvinnor än män söker stöd; vi når männen via öppenvården.',
    },
  };
}
