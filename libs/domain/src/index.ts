export * from './shared/decider.js';
export * from './project/project.events.js';
export * from './project/project.commands.js';
export * from './project/project.decider.js';
export * from './commune/commune.events.js';
export * from './commune/commune.decider.js';
export * from './organisation/organisation.js';
export * from './project/follow-up.events.js';
