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

const TRAIL_KEY = 'grid.listTrail';

/** The cursors of pages 2…n of one list, kept for the tab so that "previous" works after Back or a reload. */
function readTrail(listKey: string): Record<number, string> {
  try {
    const all = JSON.parse(window.sessionStorage.getItem(TRAIL_KEY) ?? '{}') as Record<
      string,
      Record<number, string>
    >;
    return all[listKey] ?? {};
  } catch {
    return {};
  }
}

function rememberCursor(listKey: string, page: number, cursor: string) {
  try {
    // One list's trail at a time: the tab is on one list, and cursors are useless beyond it.
    const trail = { ...readTrail(listKey), [page]: cursor };
    window.sessionStorage.setItem(TRAIL_KEY, JSON.stringify({ [listKey]: trail }));
  } catch {
    // storage unavailable: "previous" then goes back to page 1
  }
}

/**
 * Keyset paging with the page in the URL (`?page=3&cursor=…`), so that Back and a link from a record return to
 * the same page. `previous` takes the cursor of the page before from the tab's trail, or starts over.
 */
export function useUrlCursorPaging(
  listKey: string,
  url: { page: string | undefined; cursor: string | undefined },
  setUrl: (changes: { page?: string; cursor?: string }) => void,
): CursorPaging & { first: () => void } {
  const parsed = Number(url.page);
  const page = url.cursor && Number.isInteger(parsed) && parsed > 1 && parsed < 1_000_000 ? parsed : 1;
  const cursor = page > 1 ? (url.cursor ?? null) : null;
  const goTo = useCallback(
    (n: number, c: string | null) =>
      setUrl(n > 1 && c ? { page: String(n), cursor: c } : { page: undefined, cursor: undefined }),
    [setUrl],
  );
  return {
    cursor,
    page,
    hasPrevious: page > 1,
    next: (nextCursor: string) => {
      rememberCursor(listKey, page + 1, nextCursor);
      goTo(page + 1, nextCursor);
    },
    previous: () => goTo(page - 1, readTrail(listKey)[page - 1] ?? null),
    first: () => goTo(1, null),
  };
}
