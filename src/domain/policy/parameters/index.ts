import { assistanceParameters } from './assistance'
import { childParameters } from './children'
import { disabilityParameters } from './disability'
import { elderlyParameters } from './elderly'
import type { ParameterDefinition } from './types'

export * from './types'

/** Every parameter of the screener, by id (POLICY.md's table). */
export const PARAMETERS = {
  ...assistanceParameters,
  ...elderlyParameters,
  ...disabilityParameters,
  ...childParameters,
} satisfies Record<string, ParameterDefinition>

export type ParameterId = keyof typeof PARAMETERS

export const PARAMETER_IDS = Object.keys(PARAMETERS) as ParameterId[]
