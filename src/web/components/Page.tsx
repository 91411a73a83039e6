import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A page with its heading. The heading takes focus when the page opens, so keyboard and screen-reader
 * users land on the new content after navigation, and the document title follows it.
 */
export function Page({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Ombud`;
    h1.current?.focus();
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1 ref={h1} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}

export function Loading() {
  return (
    <p role="status" className="muted">
      Laddar…
    </p>
  );
}
