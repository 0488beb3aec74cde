/**
 * Shared model, workflow state machine and HTTP client of the Tech Requests plugins.
 *
 * @packageDocumentation
 */
export * from './model';
export * from './workflow';
export * from './validation';
export * from './client';
