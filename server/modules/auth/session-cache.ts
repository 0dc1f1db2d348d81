import type { Database } from '../../db/client';

/** Channel on which every process hears of ended sessions (NOTIFY is sent when the change commits). */
export const SESSIONS_CHANNEL = 'gg_sessions_changed';

/** A cached look-up is trusted this long, then read again (which also refreshes last_seen_at). */
const TRUST_MS = 60_000;
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  value: T;
  sessionId: number;
  accountId: number;
  expiresAt: number;
  loadedAt: number;
}

/**
 * Sessions already looked up by this process, by token hash, so that a request does not query the
 * database for who its caller is. Trusted only while this process hears of every change: each revocation
 * NOTIFYs `s:<session id>`, `a:<account id>` or `*` inside its transaction, and each process (listening on
 * its own connection) drops the entries it names as the change commits. While not listening (start-up,
 * lost connection) nothing is cached. PGlite: the one connection delivers the notification in-process.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private listening = false;
  /** Counts changes heard: a look-up that began before one must not cache what it read (it may be stale). */
  private changes = 0;

  get changeCount() {
    return this.changes;
  }

  get(key: string, now = Date.now()): T | null {
    if (!this.listening) return null;
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (now - entry.loadedAt > TRUST_MS || now >= entry.expiresAt) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  set(key: string, entry: Omit<Entry<T>, 'loadedAt'>, changesWhenRead: number) {
    if (!this.listening || changesWhenRead !== this.changes) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...entry, loadedAt: Date.now() });
  }

  /** Drops what a change names: `s:<session id>`, `a:<account id>`, or `*` (everything). */
  forget(change: string) {
    this.changes++;
    const [kind, raw] = change.split(':');
    const id = Number(raw);
    if (kind !== 's' && kind !== 'a') return this.entries.clear();
    for (const [key, entry] of this.entries) {
      if ((kind === 's' ? entry.sessionId : entry.accountId) === id) this.entries.delete(key);
    }
  }

  setListening(listening: boolean) {
    this.changes++;
    this.listening = listening;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}

const caches = new WeakMap<Database, { cache: SessionCache<unknown>; ready: Promise<void> }>();
const inProcess = new Set<WeakRef<SessionCache<unknown>>>();

/**
 * Drops a change's entries from this process's caches at once, before the notification comes back: the
 * process that ended a session does not depend on its own listener to stop honouring it.
 */
export function forgetEverywhereInProcess(change: string) {
  for (const ref of inProcess) {
    const cache = ref.deref();
    if (cache) cache.forget(change);
    else inProcess.delete(ref);
  }
}

/** The session cache of a database handle, listening for changes from every process once ready. */
export async function sessionCacheOf<T>(db: Database): Promise<SessionCache<T>> {
  let slot = caches.get(db);
  if (!slot) {
    const cache = new SessionCache<unknown>();
    const ready = db
      .listen(
        SESSIONS_CHANNEL,
        (change) => cache.forget(change),
        (listening) => cache.setListening(listening),
      )
      .catch(() => cache.setListening(false));
    slot = { cache, ready };
    caches.set(db, slot);
    inProcess.add(new WeakRef(cache));
  }
  await slot.ready;
  return slot.cache as SessionCache<T>;
}
