import { fill } from '@/lib/template'
import { cityName, type CityCode } from '@/domain/screening'
import type { Messages } from '@/locales'
import { memberAnswers, memberCount, type Answers } from '../model/answers'
import type { AnswerValue, Step, StepId } from '../model/steps'

type ScreeningStrings = Messages['screening']
type QuestionStrings = ScreeningStrings['questions'][StepId]

/** The words of one question; hint and options only where the question has them. */
const questionStrings = (strings: ScreeningStrings, id: StepId): QuestionStrings & { hint?: string; options?: Record<string, string>; unit?: string } =>
  strings.questions[id]

/** How a member is named in a question: 您, 您的配偶, or 第 3 位家庭成员 while the relation is not known. */
export function who(strings: ScreeningStrings, answers: Answers, member: number): string {
  if (member === 0) return strings.who.self
  const relation = memberAnswers(answers, member).relation
  return relation ? fill(strings.who.relation, { relation: strings.relationNames[relation] }) : fill(strings.who.unknown, { n: member + 1 })
}

/** The caption above a member question, so that 8 members' questions stay apart; none for a person alone. */
export function caption(strings: ScreeningStrings, answers: Answers, step: Step): string | undefined {
  if (step.scope !== 'member' || memberCount(answers) === 1) return undefined
  return step.member === 0 ? strings.caption.self : fill(strings.caption.member, { n: step.member + 1 })
}

export function heading(strings: ScreeningStrings, answers: Answers, step: Step): string {
  return fill(questionStrings(strings, step.id).heading, { who: who(strings, answers, step.member), n: step.member + 1 })
}

export const hint = (strings: ScreeningStrings, step: Step): string | undefined => questionStrings(strings, step.id).hint

export const unit = (strings: ScreeningStrings, step: Step): string | undefined => questionStrings(strings, step.id).unit

/** The short name of the question on the results page (年龄, 全家月收入). */
export const summaryLabel = (strings: ScreeningStrings, step: Step): string => questionStrings(strings, step.id).summary

export function choiceLabel(strings: ScreeningStrings, step: Step, key: string): string {
  if (step.id === 'city') return cityName(key as CityCode)
  if (step.id === 'relation') return strings.relationNames[key as keyof ScreeningStrings['relationNames']] ?? key
  return questionStrings(strings, step.id).options?.[key] ?? key
}

/** An answer as the results page repeats it: the option's words, "82 岁", or 不确定. */
export function answerText(strings: ScreeningStrings, step: Step, value: AnswerValue | null | undefined): string {
  if (value === null || value === undefined) return strings.answerNotSure
  if (step.input.kind === 'choice') {
    const option = step.input.options.find((candidate) => candidate.value === value)
    return option ? choiceLabel(strings, step, option.key) : String(value)
  }
  const u = unit(strings, step)
  return u ? fill(strings.answerFormats.number, { value: String(value), unit: u }) : String(value)
}
