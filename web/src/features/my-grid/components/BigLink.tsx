import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A link drawn as a large button (a thumb's size on a phone); a real link, so it opens in a new tab too. */
export function BigLink({
  to,
  primary = false,
  children,
  ...rest
}: {
  to: string;
  primary?: boolean;
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Link
      to={to}
      {...rest}
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        minHeight: 48,
        padding: '8px 12px',
        borderRadius: 8,
        fontSize: 16,
        textAlign: 'center',
        border: '1px solid #1f5fbf',
        background: primary ? '#1f5fbf' : '#fff',
        color: primary ? '#fff' : '#1f5fbf',
      }}
    >
      {children}
    </Link>
  );
}
