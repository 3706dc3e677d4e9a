export * from './accounts.js';
export * from './common.js';
export * from './contributions.js';
export * from './health.js';
export * from './inquiries.js';
export * from './live.js';
export * from './mechanics.js';
export * from './workspaces.js';
