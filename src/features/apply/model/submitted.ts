import { ApplicationResponseSchema, type ApplicationResponse } from '@/domain/application'
import { readStored, storageKeys, writeStored } from '@/lib/storage'

/** The last application submitted, for the success page (masked data only, as the server answered). */
export function saveSubmitted(response: ApplicationResponse): void {
  writeStored(storageKeys.applySubmitted, response)
}

export function loadSubmitted(): ApplicationResponse | undefined {
  return readStored(storageKeys.applySubmitted, ApplicationResponseSchema)
}
