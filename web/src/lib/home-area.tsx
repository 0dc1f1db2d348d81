import { createContext, type ReactNode, useContext } from 'react';

const HomeAreaContext = createContext<string | null>(null);

/** The signed-in account's own area (its first scope root): the default when the URL names none. */
export function HomeAreaProvider({ code, children }: { code: string | null; children: ReactNode }) {
  return <HomeAreaContext.Provider value={code}>{children}</HomeAreaContext.Provider>;
}

export function useHomeArea(): string | null {
  return useContext(HomeAreaContext);
}
