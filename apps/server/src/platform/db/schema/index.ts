export * from './organizations.js';
export * from './auth.js';
export * from './audit.js';
export * from './customers.js';
