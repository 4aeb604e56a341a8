export * from './columns';
export * from './tables';
export * from './manifest';
export * from './sosial';
export * from './rules';
export * from './dates';
export * from './describe';
