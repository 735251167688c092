// 一次申请: the schemas and checks the app's apply journey and the server share.
export * from './claims'
export * from './consents'
export * from './drafts'
export * from './request'
export * from './reference'
export * from './response'
export * from './uploads'
