// Entry of the demo load's cipher worker threads (cipher-pool.ts). Plain JavaScript that loads the
// TypeScript task through tsx's API: worker threads do not inherit a TypeScript loader under every runner
// (the server runs under tsx, tests under Vitest).
import { tsImport } from 'tsx/esm/api';

const { runCipherTask } = await tsImport('./cipher-task.ts', import.meta.url);

export default runCipherTask;
