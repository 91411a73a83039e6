// One schema for both drivers. Each module adds its tables in its own file here and re-exports it.
export * from './audit.ts';
export * from './auth.ts';
export * from './brister.ts';
export * from './cases.ts';
export * from './grants.ts';
export * from './ledningsgrupp.ts';
export * from './national.ts';
export * from './orgs.ts';
export * from './platform.ts';
export * from './redovisning.ts';
export * from './reference.ts';
