// 查进度: the claim status machine and the review system's events, shared by the app and the server.
export * from './caseEvents'
export * from './statusMachine'
export * from './ownerActions'
export * from './notifications'
