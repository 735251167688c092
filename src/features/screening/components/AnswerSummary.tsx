import { Text, View } from '@tarojs/components'
import { fill } from '@/lib/template'
import { useStrings } from '@/lib/i18n'
import type { Answers } from '../model/answers'
import { visibleSteps, type Step } from '../model/steps'
import { changeAnswer } from '../navigation'
import { answerText, heading, summaryLabel, who } from './stepText'

interface Section {
  title: string
  steps: Step[]
}

/** The answers in the order asked: the household's, then each member's, then the household's money. */
function sections(steps: Step[], title: (step: Step) => string): Section[] {
  const out: Section[] = []
  for (const step of steps) {
    const name = title(step)
    const last = out[out.length - 1]
    if (last && last.title === name) last.steps.push(step)
    else out.push({ title: name, steps: [step] })
  }
  return out
}

/** GOV.UK's "check your answers": every answer with a 修改 link that reopens just that question. */
export function AnswerSummary({ answers }: { answers: Answers }) {
  const strings = useStrings().screening
  const results = strings.results
  const title = (step: Step) =>
    step.scope === 'member' ? fill(results.memberAnswers, { n: step.member + 1, who: who(strings, answers, step.member) }) : results.householdAnswers
  return (
    <View className='jx-card jx-answers' role='region' aria-label={results.answersTitle}>
      <View className='jx-heading' role='heading' aria-level={2}>
        {results.answersTitle}
      </View>
      <Text className='jx-muted'>{results.answersIntro}</Text>
      {sections(visibleSteps(answers), title).map((section, index) => (
        <View key={`${section.title}-${index}`} className='jx-answers__section'>
          <Text className='jx-body jx-answers__section-title'>{section.title}</Text>
          {section.steps.map((step) => (
            <View key={step.key} className='jx-answers__row'>
              <View className='jx-answers__text'>
                <Text className='jx-muted'>{summaryLabel(strings, step)}</Text>
                <Text className='jx-body'>{answerText(strings, step, step.read(answers, step.member))}</Text>
              </View>
              <View
                className='jx-link jx-answers__change'
                role='link'
                aria-label={fill(results.changeLabel, { question: heading(strings, answers, step) })}
                onClick={() => changeAnswer(step.key)}
              >
                {results.change}
              </View>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
