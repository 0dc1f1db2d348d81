import { useCallback, useState } from 'react';

export interface CursorPaging {
  /** Cursor of the page being shown (null for the first page). */
  cursor: string | null;
  /** 1-based page number. */
  page: number;
  hasPrevious: boolean;
  next: (nextCursor: string) => void;
  previous: () => void;
}

/**
 * Keyset paging only goes forward, so keep a stack of the cursors already visited for "previous".
 * The stack starts over whenever `resetKey` (the query's filters) changes.
 */
export function useCursorPaging(resetKey: string): CursorPaging {
  const [state, setState] = useState<{ key: string; stack: (string | null)[] }>({
    key: resetKey,
    stack: [null],
  });
  const stack = state.key === resetKey ? state.stack : [null];

  const next = useCallback(
    (nextCursor: string) => setState({ key: resetKey, stack: [...stack, nextCursor] }),
    [resetKey, stack],
  );
  const previous = useCallback(
    () => setState({ key: resetKey, stack: stack.length > 1 ? stack.slice(0, -1) : [null] }),
    [resetKey, stack],
  );

  return {
    cursor: stack[stack.length - 1] ?? null,
    page: stack.length,
    hasPrevious: stack.length > 1,
    next,
    previous,
  };
}
