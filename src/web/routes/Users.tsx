import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { ROLLER } from '../../contracts/auth.ts';
import type { UserItem } from '../../contracts/users.ts';
import { ApiError, api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Field, SelectField } from '../components/Field.tsx';
import { Loading, Page } from '../components/Page.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { CHEF_ROLLER, ManageUser } from './ManageUser.tsx';

function NewUserForm() {
  const { t } = useI18n();
  const { me, active, hasRole } = useSession();
  const qc = useQueryClient();
  const isAdmin = hasRole('admin');
  const orgs = [
    ...new Map(
      me.medlemskap.filter((m) => isAdmin || m.roll === 'chef').map((m) => [m.organisationId, m]),
    ).values(),
  ];
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    email: '',
    password: '',
    roll: 'ombud',
    organisationId: active?.organisationId ?? '',
  });
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.post<UserItem>('/users', {
        username: form.username,
        displayName: form.displayName,
        ...(form.email ? { email: form.email } : {}),
        ...(form.password ? { password: form.password } : {}),
        medlemskap: [{ organisationId: form.organisationId, roll: form.roll }],
      }),
    onSuccess: async (u) => {
      setDone(t('users.created', { name: u.username }));
      setForm((f) => ({ ...f, username: '', displayName: '', email: '', password: '' }));
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const fe = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    create.mutate();
  }
  return (
    <section className="card" aria-labelledby="ny-anvandare">
      <h2 id="ny-anvandare">{t('users.new')}</h2>
      <ErrorMessage error={create.error} />
      {done ? (
        <p role="status" className="alert alert-ok">
          {done}
        </p>
      ) : null}
      <form onSubmit={submit} className="grid-form" noValidate>
        <Field
          label={t('col.username')}
          value={form.username}
          onChange={set('username')}
          error={fe.username}
          required
          autoComplete="off"
        />
        <Field
          label={t('users.displayName')}
          value={form.displayName}
          onChange={set('displayName')}
          error={fe.displayName}
          required
        />
        <Field
          label={t('users.email')}
          type="email"
          value={form.email}
          onChange={set('email')}
          error={fe.email}
        />
        <Field
          label={t('users.password')}
          type="password"
          value={form.password}
          onChange={set('password')}
          error={fe.password}
          autoComplete="new-password"
        />
        <SelectField
          label={t('users.organisation')}
          value={form.organisationId}
          onChange={set('organisationId')}
          options={orgs.map((o) => ({ value: o.organisationId, label: o.organisationNamn }))}
        />
        <SelectField
          label={t('users.roll')}
          value={form.roll}
          onChange={set('roll')}
          options={(isAdmin ? ROLLER : CHEF_ROLLER).map((r) => ({ value: r, label: t(`roll.${r}`) }))}
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
