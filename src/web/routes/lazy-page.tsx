import { type ComponentType, lazy, type ReactElement } from 'react';

/**
 * A page whose code is fetched when it is first opened (route-level code splitting): the login page and
 * the start page do not carry the code of every form and table of the app. `load` imports the page's
 * module; `name` picks the component it exports (our pages are named exports). While it loads, the
 * Suspense boundary around the routes (App.tsx) shows "Laddar…".
 */
export function lazyPage<K extends string>(
  load: () => Promise<{ [P in K]: ComponentType }>,
  name: K,
): ReactElement {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return <Page />;
}
