export * from './common.js';
export * from './vocabulary.js';
export * from './auth.js';
export * from './org.js';
export * from './customers.js';
