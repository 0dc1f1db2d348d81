/** Runs a command: the number main resolves to is its exit code; failing to run at all exits 2, saying why. */
export function runMain(what: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(`${what} failed to run: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 2;
    },
  );
}
