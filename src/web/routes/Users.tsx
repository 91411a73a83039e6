import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useMemo, useState } from 'react';
import { ROLLER } from '../../contracts/auth.ts';
import { labelOf } from '../../contracts/messages/labels.ts';
import {
  createUser,
  USER_SORT,
  USER_SORT_STANDARD,
  USER_STATUS,
  type UserItem,
  type UserList,
  type UserSort,
  type UserStatus,
} from '../../contracts/users.ts';
import type { Roll } from '../../domain/access.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field, fieldId, RequiredNote, SelectField } from '../components/Field.tsx';
import { ExportKort, ListKort } from '../components/ListSections.tsx';
import { Page } from '../components/Page.tsx';
import { ServerTable, type serverListFeatures } from '../components/ServerTable.tsx';
import { VisaRensa } from '../components/UrvalDelar.tsx';
import { useFormErrors } from '../components/useFormErrors.ts';
import {
  delar,
  exportLank,
  fragaParametrar,
  kod,
  sidfraga,
  useServerList,
  useUtkast,
} from '../components/useServerList.ts';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { pluralKey } from '../i18n/plural.ts';
import { useSession } from '../session.tsx';
import { CHEF_ROLLER, ManageUser, rollerFor as rollerForTyp, useGivableOrgs } from './ManageUser.tsx';

function NewUserForm() {
  const { t, lang } = useI18n();
  const { me, active, hasRole } = useSession();
  const qc = useQueryClient();
  const isAdmin = hasRole('admin');
  const orgs = [
    ...new Map(
      me.medlemskap.filter((m) => isAdmin || m.roll === 'chef').map((m) => [m.organisationId, m]),
    ).values(),
  ];
  const allowed = isAdmin ? ROLLER : CHEF_ROLLER;
  // Only the roles that can exist in the chosen organisation (an ombud in a PO-verksamhet, a handläggare in
  // a länsstyrelse …); the server refuses any other.
  const rollerFor = (organisationId: string) =>
    rollerForTyp(allowed, orgs.find((o) => o.organisationId === organisationId)?.organisationTyp);
  const startOrg = active?.organisationId ?? orgs[0]?.organisationId ?? '';
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    email: '',
    password: '',
    roll: rollerFor(startOrg)[0] ?? '',
    organisationId: startOrg,
  });
  const [done, setDone] = useState<string | null>(null);
  // The body as sent; checked in the browser with the server's contract first.
  const body = () => ({
    username: form.username,
    displayName: form.displayName,
    ...(form.email ? { email: form.email } : {}),
    ...(form.password ? { password: form.password } : {}),
    medlemskap: [{ organisationId: form.organisationId || undefined, roll: form.roll || undefined }],
  });
  const errors = useFormErrors(createUser, body);
  const create = useMutation({
    mutationFn: () => api.post<UserItem>('/users', body()),
    onSuccess: async (u) => {
      setDone(t('users.created', { name: u.username }));
      setForm((f) => ({ ...f, username: '', displayName: '', email: '', password: '' }));
      errors.reset();
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (err) => errors.fromServer(err),
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  // Props every field shares: id (the summary links to it), label, its error and the blur check.
  const p = (field: string) => ({
    id: fieldId(field),
    label: labelOf(field, lang),
    error: errors.error(field),
    onBlur: () => errors.blur(field.split('.')[0]!),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    if (errors.check()) create.mutate();
  }
  return (
    <section className="card" aria-labelledby="ny-anvandare">
      <h2 id="ny-anvandare">{t('users.new')}</h2>
      <RequiredNote />
      <ErrorSummary errors={errors.summary} focusKey={errors.focusKey} />
      <ErrorMessage error={create.error} fieldsShownElsewhere />
      {done ? (
        <p role="status" className="alert alert-ok">
          {done}
        </p>
      ) : null}
      <form onSubmit={submit} className="grid-form" noValidate>
        <Field
          {...p('username')}
          value={form.username}
          onChange={set('username')}
          required
          autoComplete="off"
        />
        <Field {...p('displayName')} value={form.displayName} onChange={set('displayName')} required />
        <Field {...p('email')} type="email" value={form.email} onChange={set('email')} />
        <Field
          {...p('password')}
          hint={lang === 'sv' ? 'Minst 12 tecken.' : 'At least 12 characters.'}
          type="password"
          value={form.password}
          onChange={set('password')}
          autoComplete="new-password"
        />
        <SelectField
          {...p('medlemskap.0.organisationId')}
          required
          value={form.organisationId}
          onChange={(e) => {
            const organisationId = e.target.value;
            const fits = rollerFor(organisationId);
            setForm((f) => ({
              ...f,
              organisationId,
              roll: (fits as readonly string[]).includes(f.roll) ? f.roll : (fits[0] ?? ''),
            }));
          }}
          options={orgs.map((o) => ({ value: o.organisationId, label: o.organisationNamn }))}
        />
        <SelectField
          {...p('medlemskap.0.roll')}
          required
          value={form.roll}
          onChange={set('roll')}
          options={rollerFor(form.organisationId).map((r) => ({ value: r, label: t(`roll.${r}`) }))}
        />
        <div>
          <button type="submit" disabled={create.isPending}>
            {t('create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Rows per page. */
const SIDSTORLEK = 50;

/** The filters, in the address. */
interface Urval {
  /** Part of the name or the username (staff, not clients: it may stand in the address). */
  q: string;
  organisationId: string;
  roll: '' | Roll;
  status: '' | UserStatus;
}

const URVAL = {
  las: (p: URLSearchParams): Urval => ({
    q: p.get('q') ?? '',
    organisationId: p.get('organisation') ?? '',
    roll: kod(p, 'roll', ROLLER),
    status: kod(p, 'status', USER_STATUS),
  }),
  skriv: (u: Urval) => delar({ q: u.q, organisation: u.organisationId, roll: u.roll, status: u.status }),
};

const apiUrval = (v: { urval: Urval; sort: UserSort }) =>
  fragaParametrar({
    q: v.urval.q,
    organisationId: v.urval.organisationId,
    roll: v.urval.roll,
    status: v.urval.status,
    sort: v.sort,
  });

const kolumn = createColumnHelper<typeof serverListFeatures, UserItem>();

function useKolumner(managing: string | null, setManaging: (id: string | null) => void) {
  const { t } = useI18n();
  return useMemo(
    () =>
      kolumn.columns([
        kolumn.accessor('displayName', {
          id: 'namn',
          header: t('col.namn'),
          sortDescFirst: false,
          cell: ({ row }) => row.original.displayName,
        }),
        kolumn.accessor('username', {
          id: 'username',
          header: t('col.username'),
          sortDescFirst: false,
          cell: ({ row }) => row.original.username,
        }),
        kolumn.accessor((u) => u.medlemskap.map((m) => m.organisationNamn).join('; '), {
          id: 'organisation',
          header: t('users.col.roller'),
          sortDescFirst: false,
          // One role a line: the column stays narrow enough for the buttons to fit beside it.
          cell: ({ row }) =>
            row.original.medlemskap.map((m) => (
              <span key={m.id} style={{ display: 'block' }}>
                {`${t(`roll.${m.roll}`)} (${m.organisationNamn})`}
              </span>
            )),
        }),
        kolumn.accessor((u) => (u.disabled ? 1 : 0), {
          id: 'status',
          header: t('col.status'),
          enableSorting: false,
          cell: ({ row }) => (row.original.disabled ? t('users.disabled') : t('users.active')),
        }),
        kolumn.display({
          id: 'hantera',
          header: t('manage.actions'),
          cell: ({ row }) => {
            const u = row.original;
            const open = managing === u.id;
            return (
              <button
                type="button"
                className="secondary"
                aria-expanded={open}
                aria-controls={open ? `hantera-${u.id}` : undefined}
                aria-label={t('manage.openFor', { name: u.username })}
                onClick={() => setManaging(open ? null : u.id)}
              >
                {t('manage.open')}
              </button>
            );
          },
        }),
      ]),
    [t, managing, setManaging],
  );
}

/** The filter form: a draft applied with Visa; it follows the address (Back, Rensa). */
function UrvalForm({
  urval,
  onVisa,
  isAdmin,
}: {
  urval: Urval;
  onVisa: (u: Urval) => void;
  isAdmin: boolean;
}) {
  const { t } = useI18n();
  const orgs = useGivableOrgs(isAdmin);
  const [draft, setDraft] = useUtkast(urval, URVAL.skriv);
  const set =
    <K extends keyof Urval>(k: K) =>
    (val: Urval[K]) =>
      setDraft((d) => ({ ...d, [k]: val }));
  const roller = isAdmin ? ROLLER : CHEF_ROLLER;
  function visa(e: FormEvent) {
    e.preventDefault();
    onVisa({ ...draft, q: draft.q.trim() });
  }
  return (
    <form className="card" onSubmit={visa} aria-labelledby="anvandare-urval">
      <h2 id="anvandare-urval">{t('arenden.urval')}</h2>
      <div className="grid-form">
        <Field
          label={t('users.filter.q')}
          hint={t('users.filter.q.hint')}
          type="search"
          value={draft.q}
          maxLength={100}
          onChange={(e) => set('q')(e.target.value)}
        />
        <SelectField
          label={t('users.filter.org')}
          value={draft.organisationId}
          onChange={(e) => set('organisationId')(e.target.value)}
          options={[
            { value: '', label: t('klienter.kommun.alla') },
            ...[...orgs]
              .sort((a, b) => a.label.localeCompare(b.label, 'sv'))
              .map((o) => ({ value: o.value, label: o.label })),
            ...(!draft.organisationId || orgs.some((o) => o.value === draft.organisationId)
              ? []
              : [{ value: draft.organisationId, label: t('users.filter.okandOrg') }]),
          ]}
        />
        <SelectField
          label={t('users.filter.roll')}
          value={draft.roll}
          onChange={(e) => set('roll')(e.target.value as Urval['roll'])}
          options={[
            { value: '', label: t('klienter.kommun.alla') },
            ...roller.map((r) => ({ value: r, label: t(`roll.${r}`) })),
          ]}
        />
        <SelectField
          label={t('col.status')}
          value={draft.status}
          onChange={(e) => set('status')(e.target.value as Urval['status'])}
          options={[
            { value: '', label: t('klienter.kommun.alla') },
            { value: 'aktiv', label: t('users.active') },
            { value: 'avstangd', label: t('users.disabled') },
          ]}
        />
      </div>
      <VisaRensa rensa="/anvandare" />
    </form>
  );
}

export function Users() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  // The server decides (admin-actions.ts): an admin in any of their organisations, not only the active one.
  const isAdmin = me.medlemskap.some((m) => m.roll === 'admin');
  const [managing, setManaging] = useState<string | null>(null);
  const kolumner = useKolumner(managing, setManaging);
  const l = useServerList({
    namn: 'users',
    urval: URVAL,
    sort: { ordningar: USER_SORT, standard: USER_SORT_STANDARD },
    sidstorlek: SIDSTORLEK,
    fraga: sidfraga(apiUrval),
    hamta: (q) => api.get<UserList>(`/users?${q}`),
    kolumner,
    radId: (u) => u.id,
    caption: t('users.caption'),
  });
  const { vy, lista } = l;
  const total = lista.data?.total;
  const exportUrl = (format: 'csv' | 'xlsx') => exportLank('/users/export', apiUrval(vy), format);
  return (
    <Page title={t('users.title')}>
      <NewUserForm />
      <UrvalForm urval={vy.urval} onVisa={l.visa} isAdmin={isAdmin} />
      <ErrorMessage error={lista.error} />
      <ListKort
        id="anvandare-lista"
        antal={
          total === undefined ? '' : t(pluralKey(lang, 'users.antal', total), { n: formatNumber(total) })
        }
        tom={t('users.tomt')}
        lista={lista}
        sidanFinnsInte={l.sidanFinnsInte}
        forstaSidan={l.forstaSidan}
      >
        <ServerTable
          table={l.table}
          caption={l.caption}
          numeric={[]}
          radbryt={['organisation']}
          sida={vy.sida}
          sidor={l.sidor}
          underRad={(u) =>
            managing === u.id ? <ManageUser user={u} id={`hantera-${u.id}`} isAdmin={isAdmin} /> : null
          }
        />
      </ListKort>
      {lista.data && total !== undefined && total > 0 ? (
        <ExportKort id="anvandare-export" hint={t('users.export.hint')} href={exportUrl} />
      ) : null}
    </Page>
  );
}
