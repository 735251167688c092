// The API's own envelopes (errors, health, sign-in), shared by the app's client and the server.
export * from './errors'
export * from './health'
export * from './auth'
