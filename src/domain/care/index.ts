/**
 * The care finder's pure domain (找服务), what the mini-program, the H5 app and the server all run.
 * The importer and the sample data are the server's (server/facilities).
 */
export * from './facility'
export * from './openingHours'
export * from './regions'
export * from './geo'
export * from './nearby'
