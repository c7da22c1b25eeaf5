import { useTranslation } from 'react-i18next'

export const STEPS = ['file', 'mapping', 'preview', 'run'] as const
export type Step = (typeof STEPS)[number]

/** Where the person is in the four steps; the current one is announced to screen readers. */
export function StepIndicator({ step }: { step: Step }) {
  const { t } = useTranslation('imports')
  const current = STEPS.indexOf(step)
  return (
    <ol className="import-steps" aria-label={t('steps.label')}>
      {STEPS.map((s, i) => (
        <li key={s} className={i === current ? 'is-current' : i < current ? 'is-done' : undefined} aria-current={i === current ? 'step' : undefined}>
          <span className="import-steps__n">{i + 1}</span>
          {t(`steps.${s}`)}
        </li>
      ))}
    </ol>
  )
}
