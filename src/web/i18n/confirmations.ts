/** Texts of the questions asked before an action that cannot simply be undone (ConfirmDialog). */
export const confirmations = {
  sv: {
    'lg.ledamot.confirm.title': 'Ta bort {namn} ur ledningsgruppen?',
    'lg.ledamot.confirm.text':
      '{namn} registreras som avgången ur ledningsgruppen i dag och visas inte längre bland ledamöterna. Ska {namn} vara med igen får hen läggas till på nytt.',
    'gallring.confirm.title': 'Gallra nu?',
    'gallring.confirm.text.one':
      '{n} klients identitet och anteckningar raderas för gott. Det går inte att ångra. Statistiken påverkas inte.',
    'gallring.confirm.text.other':
      '{n} klienters identitet och anteckningar raderas för gott. Det går inte att ångra. Statistiken påverkas inte.',
    'gallring.confirm.label.one': 'Gallra {n} klient',
    'gallring.confirm.label.other': 'Gallra {n} klienter',
    'gallring.done.one': '{n} klient gallrades.',
    'gallring.done.other': '{n} klienter gallrades.',
  },
  en: {
    'lg.ledamot.confirm.title': 'Remove {namn} from the steering group?',
    'lg.ledamot.confirm.text':
      '{namn} is recorded as having left the steering group today and is no longer listed among the members. To have {namn} back, add them again.',
    'gallring.confirm.title': 'Purge now?',
    'gallring.confirm.text.one':
      'The identity and notes of {n} client are deleted for good. This cannot be undone. The statistics are not affected.',
    'gallring.confirm.text.other':
      'The identities and notes of {n} clients are deleted for good. This cannot be undone. The statistics are not affected.',
    'gallring.confirm.label.one': 'Purge {n} client',
    'gallring.confirm.label.other': 'Purge {n} clients',
    'gallring.done.one': '{n} client was purged.',
    'gallring.done.other': '{n} clients were purged.',
  },
};
