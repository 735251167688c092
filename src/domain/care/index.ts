/**
 * The care finder's pure domain (找服务), safe for the mini-program, the H5 app and the server.
 * The sample-data generator (`./sampleData`) and the importer (`./importer`, `./csv`) are not
 * re-exported here, to keep them out of the app bundle: import them from their modules.
 */
export * from './facility'
export * from './openingHours'
export * from './regions'
export * from './geo'
export * from './nearby'
