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
export * from './entity';
export * from './reuse';
export * from './assessment';
export * from './permissions';
export * from './serviceLevels';
export * from './events';
export * from './client';
