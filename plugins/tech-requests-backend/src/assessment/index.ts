export * from './fit';
export * from './risk';
export * from './cost';
export * from './reviews';
