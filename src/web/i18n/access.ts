/** Texts of the page guard (routes/NoAccess.tsx). */
export const access = {
  sv: {
    'noaccess.title': 'Du har inte behörighet till den här sidan',
    'noaccess.roles': 'Sidan är till för den som har rollen {roller} i den organisation som är vald.',
    'noaccess.nobody': 'Ingen roll i den valda organisationen ger tillgång till sidan.',
    'noaccess.switch':
      'Har du en sådan roll i en annan organisation kan du byta organisation högst upp på sidan. Annars kan din verksamhetschef eller en administratör ge dig rollen.',
    'noaccess.home': 'Till startsidan',
  },
  en: {
    'noaccess.title': 'You do not have access to this page',
    'noaccess.roles': 'The page is for someone with the role {roller} in the selected organisation.',
    'noaccess.nobody': 'No role in the selected organisation gives access to this page.',
    'noaccess.switch':
      'If you hold such a role in another organisation, switch organisation at the top of the page. Otherwise your head of operation or an administrator can give you the role.',
    'noaccess.home': 'Go to the start page',
  },
};
