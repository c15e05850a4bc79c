export * from './financing.events.js';
export * from './rule-set.js';
export * from './simulator.js';
export * from './project-financing.js';
export * from './plan-checks.js';
export * from './val-d-oise-rule-set.js';
