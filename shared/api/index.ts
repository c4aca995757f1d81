export * from './endpoint.js';
export * from './roles.js';
export * from './errors.js';
export * from './org.js';
export * from './auth.js';
export * from './printlog.js';
export * from './endpoints.js';
