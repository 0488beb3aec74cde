/**
 * Shared model, workflow state machine, catalog entity kind and HTTP client of the Tech
 * Requests plugins.
 *
 * @packageDocumentation
 */
export * from './values';
export * from './limits';
export * from './model';
export * from './workflow';
export * from './validation';
export * from './text';
export * from './statusWords';
export * from './entity';
export * from './entityText';
export * from './boughtProduct';
export * from './delivery';
export * from './reuse';
export * from './offerings';
export * from './portfolio';
export * from './gate';
export * from './search';
export * from './assessment';
export * from './reviewedAnswers';
export * from './permissions';
export * from './serviceLevels';
export * from './events';
export * from './client';
