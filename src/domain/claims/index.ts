// 查进度: the claim status machine, the review system's events, tracking and family sharing, shared by the app and the server.
export * from './caseEvents'
export * from './decisions'
export * from './notes'
export * from './statusMachine'
export * from './ownerActions'
export * from './notifications'
export * from './family'
export * from './tracking'
