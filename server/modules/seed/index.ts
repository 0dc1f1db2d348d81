export { seedDemoAccounts } from './accounts';
export { defaultCipherThreads } from './cipher-pool';
export { loadDemo } from './demo';
export { loadEventHistory } from './events';
export { buildAreaTrees } from './geometry';
export { seedDatabase } from './load';
export { DEMO_TABLES } from './load-state';
export { seedIfEmpty } from './on-start';
export { isScaleName, SCALES, type ScaleName } from './scales';
