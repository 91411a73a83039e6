import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ROLLER } from '../../contracts/auth.ts';
import type { AktorItem, VerksamhetItem } from '../../contracts/orgs.ts';
import type { ApiTokenItem, OidcKoppling, UserItem } from '../../contracts/users.ts';
import { type OrganisationTyp, ROLL_ORGANISATIONSTYP, type Roll } from '../../domain/access.ts';
import { ApiError, api } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Field, SelectField } from '../components/Field.tsx';
import { Loading } from '../components/Page.tsx';
import { formatTimestamp } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';

export const CHEF_ROLLER = ['ombud', 'chef', 'ledamot'] as const;

/** The organisations where the acting user can give roles: a chef's own; an admin's own and every verksamhet. */
export function useGivableOrgs(isAdmin: boolean) {
  const { me } = useSession();
  const verksamheter = useQuery({
    queryKey: ['verksamheter'],
    queryFn: () => api.get<VerksamhetItem[]>('/verksamheter'),
    enabled: isAdmin,
  });
  // The actors of the register (regions, kommuner's socialtjänst, agencies): an admin gives their staff
  // the aktör role so that brister sent to them reach their inbox.
  const aktorer = useQuery({
    queryKey: ['aktorer'],
    queryFn: () => api.get<AktorItem[]>('/aktorer'),
    enabled: isAdmin,
  });
  const own = me.medlemskap
    .filter((m) => isAdmin || m.roll === 'chef')
    .map((m) => ({
      value: m.organisationId,
      label: m.organisationNamn,
      typ: m.organisationTyp as OrganisationTyp,
    }));
  const all = [
    ...own,
    ...(verksamheter.data ?? []).map((v) => ({
      value: v.id,
      label: v.namn,
      typ: 'verksamhet' as OrganisationTyp,
    })),
    ...(aktorer.data ?? [])
      .map((a) => ({ value: a.id, label: a.namn, typ: 'aktor' as OrganisationTyp }))
      .sort((a, b) => a.label.localeCompare(b.label, 'sv')),
  ];
  return [...new Map(all.map((o) => [o.value, o])).values()];
}

/** The roles that fit an organisation of this kind (the server refuses the others). */
export function rollerFor(allowed: readonly Roll[], typ: OrganisationTyp | undefined): Roll[] {
  return allowed.filter((r) => ROLL_ORGANISATIONSTYP[r] === null || ROLL_ORGANISATIONSTYP[r] === typ);
}

type Confirm =
  | { kind: 'token'; token: ApiTokenItem }
  | { kind: 'totp' }
  | { kind: 'oidc' }
  | { kind: 'disable' }
  | null;

/**
 * The "Hantera" panel of one user on the Användare page. Password, account and new roles only when the
 * server says the acting user may (`kanHantera`); roles in one's own organisations can always be removed.
 * An administrator also manages how the user logs in — API tokens, the second factor, the OIDC link — which
 * before needed the `ombud` command (and that cannot run while the server holds an embedded database).
 * Whatever cannot be undone is confirmed in a dialog first.
 */
export function ManageUser({ user, id, isAdmin }: { user: UserItem; id: string; isAdmin: boolean }) {
  const { t } = useI18n();
  const { me } = useSession();
  const qc = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [password, setPassword] = useState('');
  const givable = useGivableOrgs(isAdmin);
  const [role, setRole] = useState({ organisationId: givable[0]?.value ?? '', roll: 'ombud' });
  const [subject, setSubject] = useState('');
  // Only the roles that fit the chosen organisation are offered (a Länsstyrelse gets no "ombud").
  const valdOrg = role.organisationId || (givable[0]?.value ?? '');
  const roller = rollerFor(isAdmin ? ROLLER : CHEF_ROLLER, givable.find((o) => o.value === valdOrg)?.typ);
  const rollValue = (roller as string[]).includes(role.roll) ? role.roll : (roller[0] ?? '');
  const self = user.id === me.userId;
  // People are named by name; the username is a login detail.
  const name = user.displayName || user.username;
  const base = `/users/${user.id}`;

  const done = async (message: string, focus = false) => {
    setStatus(message);
    await qc.invalidateQueries({ queryKey: ['users'] });
    if (focus) heading.current?.focus();
  };
  const tokens = useQuery({
    queryKey: ['users', user.id, 'tokens'],
    queryFn: () => api.get<ApiTokenItem[]>(`${base}/tokens`),
    enabled: isAdmin,
  });
  const oidc = useQuery({
    queryKey: ['users', user.id, 'oidc'],
    queryFn: () => api.get<OidcKoppling>(`${base}/oidc`),
    enabled: isAdmin,
  });

  const toggle = useMutation({
    mutationFn: () => api.post(`${base}/${user.disabled ? 'enable' : 'disable'}`),
    onSuccess: () => done(t(user.disabled ? 'manage.enabled' : 'manage.disabled', { name })),
  });
  const setPw = useMutation({
    mutationFn: () => api.put(`${base}/password`, { password }),
    onSuccess: () => {
      setPassword('');
      return done(t('manage.passwordSet', { name }));
    },
  });
  const addRole = useMutation({
    mutationFn: () => api.post(`${base}/medlemskap`, { organisationId: valdOrg, roll: rollValue }),
    onSuccess: () => done(t('manage.roleAdded')),
  });
  const removeRole = useMutation({
    mutationFn: (membershipId: string) => api.delete(`${base}/medlemskap/${membershipId}`),
    onSuccess: () => done(t('manage.roleRemoved'), true),
  });
  const revoke = useMutation({
    mutationFn: (token: ApiTokenItem) => api.post(`${base}/tokens/${token.id}/revoke`),
    onSuccess: async (_r, token) => {
      await qc.invalidateQueries({ queryKey: ['users', user.id, 'tokens'] });
      await done(t('tokens.revoked', { namn: token.namn }), true);
    },
  });
  const resetTotp = useMutation({
    mutationFn: () => api.post(`${base}/totp-reset`),
    onSuccess: () => done(t('totp.done', { name }), true),
  });
  const link = useMutation({
    mutationFn: () => api.put(`${base}/oidc`, { subject }),
    onSuccess: async () => {
      setSubject('');
      await qc.invalidateQueries({ queryKey: ['users', user.id, 'oidc'] });
      await done(t('oidc.done', { name }));
    },
  });
  const unlink = useMutation({
    mutationFn: () => api.delete(`${base}/oidc`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['users', user.id, 'oidc'] });
      await done(t('oidc.removed', { name }), true);
    },
  });
  const mutations = [toggle, setPw, addRole, removeRole, revoke, resetTotp, link, unlink];
  const error = mutations.find((m) => m.error)?.error;
  const act = (m: { reset: () => void; mutate: () => void }) => {
    setStatus(null);
    for (const other of mutations) other.reset();
    m.mutate();
  };
  const submit = (m: Parameters<typeof act>[0]) => (e: FormEvent) => {
    e.preventDefault();
    act(m);
  };

  const dialog =
    confirm?.kind === 'token'
      ? {
          title: t('tokens.confirm.title', { namn: confirm.token.namn }),
          text: t('tokens.confirm.text'),
          label: t('tokens.revoke'),
          run: () => act({ reset: revoke.reset, mutate: () => revoke.mutate(confirm.token) }),
        }
      : confirm?.kind === 'totp'
        ? {
            title: t('totp.confirm.title', { name }),
            text: t('totp.confirm.text'),
            label: t('totp.reset'),
            run: () => act(resetTotp),
          }
        : confirm?.kind === 'oidc'
          ? {
              title: t('oidc.confirm.title', { name }),
              text: t('oidc.confirm.text'),
              label: t('oidc.remove'),
              run: () => act(unlink),
            }
          : confirm?.kind === 'disable'
            ? {
                title: t('disable.confirm.title', { name }),
                text: t('disable.confirm.text', { name }),
                label: t('disable.confirm.label', { name }),
                run: () => act(toggle),
              }
            : null;
  const fe = (m: { error: unknown }) => (m.error instanceof ApiError ? m.error.fieldErrors() : {});

  return (
    <div id={id} className="manage-panel">
      <h2 ref={heading} tabIndex={-1}>
        {t('manage.title', { name })}
      </h2>
      {status ? (
        <p role="status" className="alert alert-ok">
          {status}
        </p>
      ) : null}
      <ErrorMessage error={error} />

      <section aria-labelledby={`${id}-konto`}>
        <h3 id={`${id}-konto`}>{t('manage.account')}</h3>
        {!user.kanHantera ? (
          <p>{t('manage.notYours')}</p>
        ) : (
          <>
            {self ? (
              <p>{t('manage.self')}</p>
            ) : (
              <p>
                {user.disabled ? t('users.disabled') : t('users.active')}.{' '}
                <button
                  type="button"
                  className="secondary"
                  // Disabling shuts the person out at once, so it asks first; enabling does not.
                  onClick={() => (user.disabled ? act(toggle) : setConfirm({ kind: 'disable' }))}
                  disabled={toggle.isPending}
                >
                  {user.disabled ? t('users.enable') : t('users.disable')}
                </button>
              </p>
            )}
            <form onSubmit={submit(setPw)} className="inline-form" noValidate>
              <Field
                label={t('manage.newPassword')}
                hint={t('manage.newPassword.hint')}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                error={fe(setPw).password}
              />
              <button type="submit" disabled={setPw.isPending}>
                {t('manage.setPassword')}
              </button>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby={`${id}-roller`}>
        <h3 id={`${id}-roller`}>{t('manage.roles')}</h3>
        {user.medlemskap.length === 0 ? <p>{t('manage.noRoles')}</p> : null}
        <ul className="plain-list">
          {user.medlemskap.map((m) => (
            <li key={m.id}>
              {t(`roll.${m.roll}`)} ({m.organisationNamn}){' '}
              <button
                type="button"
                className="secondary small"
                aria-label={t('manage.removeRoleFor', { roll: t(`roll.${m.roll}`), org: m.organisationNamn })}
                onClick={() => act({ reset: removeRole.reset, mutate: () => removeRole.mutate(m.id) })}
              >
                {t('manage.removeRole')}
              </button>
            </li>
          ))}
        </ul>
        {user.kanHantera ? (
          <form onSubmit={submit(addRole)} className="inline-form" noValidate>
            <SelectField
              label={t('users.organisation')}
              value={role.organisationId || (givable[0]?.value ?? '')}
              onChange={(e) => setRole((r) => ({ ...r, organisationId: e.target.value }))}
              options={givable.map(({ value, label }) => ({ value, label }))}
              error={fe(addRole).organisationId}
            />
            <SelectField
              label={t('users.roll')}
              value={rollValue}
              onChange={(e) => setRole((r) => ({ ...r, roll: e.target.value }))}
              options={roller.map((r) => ({ value: r, label: t(`roll.${r}`) }))}
            />
            <button type="submit" disabled={addRole.isPending}>
              {t('manage.addRole')}
            </button>
          </form>
        ) : null}
      </section>

      {isAdmin ? (
        <>
          <section aria-labelledby={`${id}-tokens`}>
            <h3 id={`${id}-tokens`}>{t('tokens.title')}</h3>
            {tokens.isPending ? (
              <Loading />
            ) : tokens.error ? (
              <ErrorMessage error={tokens.error} />
            ) : tokens.data.length === 0 ? (
              <p>{t('tokens.none')}</p>
            ) : (
              <ul className="plain-list token-list">
                {tokens.data.map((tk) => (
                  <li key={tk.id}>
                    <strong>{tk.namn}</strong>
                    <span>
                      {t('tokens.created')} {formatTimestamp(tk.createdAt)} · {t('tokens.lastUsed')}{' '}
                      {tk.lastUsedAt ? formatTimestamp(tk.lastUsedAt) : t('tokens.never')}
                      {tk.expiresAt ? ` · ${t('tokens.expires')} ${formatTimestamp(tk.expiresAt)}` : ''}
                    </span>
                    {tk.revokedAt ? (
                      <span className="badge">
                        {t('tokens.revokedAt')} {formatTimestamp(tk.revokedAt)}
                      </span>
                    ) : (
                      <span>
                        <span className="badge">{t('tokens.live')}</span>{' '}
                        <button
                          type="button"
                          className="secondary small"
                          aria-label={t('tokens.revokeFor', { namn: tk.namn })}
                          onClick={() => setConfirm({ kind: 'token', token: tk })}
                        >
                          {t('tokens.revoke')}
                        </button>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby={`${id}-totp`}>
            <h3 id={`${id}-totp`}>{t('totp.title')}</h3>
            <p>{user.totpEnabled ? t('totp.on') : t('totp.off')}</p>
            {self ? (
              <p className="hint">{t('totp.self')}</p>
            ) : (
              <button type="button" className="secondary" onClick={() => setConfirm({ kind: 'totp' })}>
                {t('totp.reset')}
              </button>
            )}
          </section>

          <section aria-labelledby={`${id}-oidc`}>
            <h3 id={`${id}-oidc`}>{t('oidc.title')}</h3>
            {oidc.isPending ? (
              <Loading />
            ) : oidc.error ? (
              <ErrorMessage error={oidc.error} />
            ) : oidc.data.subject ? (
              <>
                <p>
                  {t('oidc.linked')} <code>{oidc.data.subject}</code>
                </p>
                <button type="button" className="secondary" onClick={() => setConfirm({ kind: 'oidc' })}>
                  {t('oidc.remove')}
                </button>
              </>
            ) : (
              <>
                <p>{t('oidc.unlinked')}</p>
                <form onSubmit={submit(link)} className="inline-form" noValidate>
                  <Field
                    label={t('oidc.subject')}
                    hint={t('oidc.subject.hint')}
                    value={subject}
                    onChange={(e) => setSubject(e.target.value)}
                    error={fe(link).subject}
                    autoComplete="off"
                  />
                  <button type="submit" disabled={link.isPending}>
                    {t('oidc.link')}
                  </button>
                </form>
              </>
            )}
          </section>
        </>
      ) : null}

      <ConfirmDialog
        open={dialog !== null}
        title={dialog?.title ?? ''}
        text={dialog?.text ?? ''}
        confirmLabel={dialog?.label ?? ''}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          dialog?.run();
          setConfirm(null);
        }}
      />
    </div>
  );
}
