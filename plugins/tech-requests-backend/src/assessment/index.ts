export * from './fit';
export * from './risk';
export * from './cost';
export * from './costInputs';
export * from './reviews';
