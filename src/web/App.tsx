import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ErrorMessage } from './components/ErrorMessage.tsx';
import { Layout } from './components/Layout.tsx';
import { Loading, Page } from './components/Page.tsx';
import { useI18n } from './i18n/index.tsx';
import { appRoutes } from './routes/index.tsx';
import { Login } from './routes/Login.tsx';
import { lazyPage } from './routes/lazy-page.tsx';
import { RequireAccess } from './routes/NoAccess.tsx';
import { arOppenSida, OppenLayout } from './routes/oppen-statistik/OppenLayout.tsx';
import { SessionProvider, useMeQuery } from './session.tsx';

/** The open statistics without a session: its own module, fetched only when someone opens it. */
const oppenStatistik = lazyPage(
  () => import('./routes/oppen-statistik/OppenStatistik.tsx'),
  'OppenStatistik',
);

function NotFound() {
  const { t } = useI18n();
  return <Page title={t('notfound.title')}>{null}</Page>;
}

export function App() {
  const me = useMeQuery();
  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorMessage error={me.error} />;
  // A public page (the open statistics) opens without a session; the rest asks for the login first.
  if (!me.data?.mfaDone && arOppenSida(window.location.pathname)) {
    return (
      <BrowserRouter>
        <OppenLayout>
          <Suspense fallback={<Loading />}>{oppenStatistik}</Suspense>
        </OppenLayout>
      </BrowserRouter>
    );
  }
  if (!me.data) return <Login />;
  if (!me.data.mfaDone) return <Login mfaPending />;
  return (
    <SessionProvider me={me.data}>
      <BrowserRouter>
        <Layout>
          <Suspense fallback={<Loading />}>
            <Routes>
              {appRoutes.map((r) => (
                <Route
                  key={r.path}
                  path={r.path}
                  element={<RequireAccess path={r.path}>{r.element}</RequireAccess>}
                />
              ))}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </Layout>
      </BrowserRouter>
    </SessionProvider>
  );
}
