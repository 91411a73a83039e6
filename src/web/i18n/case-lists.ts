/** Counts and save messages of the client list and the caseload page, with Swedish plurals (.one/.other). */
export const caseLists = {
  sv: {
    'klient.list.antal.one': '{n} klient',
    'klient.list.antal.other': '{n} klienter',
    'klient.list.antalGallrade.one': '{n} klient, varav {g} gallrad',
    'klient.list.antalGallrade.other': '{n} klienter, varav {g} gallrade',
    'klient.list.ingenTraff': 'Inga klienter matchar sökningen.',
    'caseload.saved': 'Tjänstgöringsgraden för {namn} är sparad.',
  },
  en: {
    'klient.list.antal.one': '{n} client',
    'klient.list.antal.other': '{n} clients',
    'klient.list.antalGallrade.one': '{n} client, {g} of them purged',
    'klient.list.antalGallrade.other': '{n} clients, {g} of them purged',
    'klient.list.ingenTraff': 'No clients match the search.',
    'caseload.saved': 'The working time of {namn} is saved.',
  },
};
