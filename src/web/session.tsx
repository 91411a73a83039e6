import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import type { Me } from '../contracts/auth.ts';
import { ApiError, api } from './api.ts';

type Medlemskap = Me['medlemskap'][number];

interface Session {
  me: Me;
  /** The membership chosen in the organisation switcher (or the first). */
  active: Medlemskap | undefined;
  /** Memberships in the active organisation (a user may hold several roles there). */
  activeRoles: Set<Medlemskap['roll']>;
  hasRole: (...roles: Medlemskap['roll'][]) => boolean;
  refresh: () => Promise<void>;
}

const Ctx = createContext<Session | null>(null);

export function useMeQuery() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api.get<Me>('/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const qc = useQueryClient();
  const active = me.medlemskap.find((m) => m.organisationId === me.activeOrganisationId) ?? me.medlemskap[0];
  const activeRoles = new Set(
    me.medlemskap.filter((m) => m.organisationId === active?.organisationId).map((m) => m.roll),
  );
  const value: Session = {
    me,
    active,
    activeRoles,
    hasRole: (...roles) => roles.some((r) => activeRoles.has(r)),
    refresh: () => qc.invalidateQueries(),
  };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('SessionProvider missing');
  return v;
}
