import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { ROLLER } from '../../contracts/auth.ts';
import { labelOf } from '../../contracts/messages/labels.ts';
import { createUser, type UserItem } from '../../contracts/users.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field, fieldId, RequiredNote, SelectField } from '../components/Field.tsx';
import { Loading, Page } from '../components/Page.tsx';
import { useFormErrors } from '../components/useFormErrors.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { CHEF_ROLLER, ManageUser, rollerFor as rollerForTyp } from './ManageUser.tsx';

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

export function Users() {
  const { t } = useI18n();
  const { me } = useSession();
  const q = useQuery({ queryKey: ['users'], queryFn: () => api.get<UserItem[]>('/users') });
  // The server decides (admin-actions.ts): an admin in any of their organisations, not only the active one.
  const isAdmin = me.medlemskap.some((m) => m.roll === 'admin');
  const [managing, setManaging] = useState<string | null>(null);
  return (
    <Page title={t('users.title')}>
      <NewUserForm />
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="sr-only">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.username')}</th>
                <th scope="col">{t('col.namn')}</th>
                <th scope="col">{t('col.roll')}</th>
                <th scope="col">{t('col.status')}</th>
                <th scope="col" className="actions">
                  <span className="sr-only">{t('manage.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((u) => {
                const open = managing === u.id;
                const panelId = `hantera-${u.id}`;
                return (
                  <Fragment key={u.id}>
                    <tr>
                      <td>{u.username}</td>
                      <td>{u.displayName}</td>
                      <td>
                        {u.medlemskap.map((m) => `${t(`roll.${m.roll}`)} (${m.organisationNamn})`).join('; ')}
                      </td>
                      <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
                      <td className="actions">
                        <button
                          type="button"
                          className="secondary"
                          aria-expanded={open}
                          aria-controls={open ? panelId : undefined}
                          aria-label={t('manage.openFor', { name: u.username })}
                          onClick={() => setManaging(open ? null : u.id)}
                        >
                          {t('manage.open')}
                        </button>
                      </td>
                    </tr>
                    {open ? (
                      <tr className="manage-row">
                        <td colSpan={5}>
                          <ManageUser user={u} id={panelId} isAdmin={isAdmin} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
