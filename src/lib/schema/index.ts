export * from './columns';
export * from './tables';
export * from './manifest';
