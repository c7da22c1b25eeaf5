import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ImportOptions, ImportPreview } from '../../../../shared/imports'
import { PageHeader } from '../../components/Page'
import { FileStep } from './FileStep'
import './imports.css'
import { MappingStep, NO_CHOICE, type MappingChoice } from './MappingStep'
import { PreviewStep } from './PreviewStep'
import { RunStep } from './RunStep'
import { StepIndicator, type Step } from './StepIndicator'

/** The import wizard: file → header and mapping → dry run → import. Nothing is written before step 4 is confirmed. */
export function ImportScreen() {
  const { t } = useTranslation('imports')
  const [step, setStep] = useState<Step>('file')
  const [upload, setUpload] = useState<{ uploadId: string; fileName: string } | null>(null)
  const [choice, setChoice] = useState<MappingChoice>(NO_CHOICE)
  const [dryRun, setDryRun] = useState<{ options: ImportOptions; preview: ImportPreview } | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)

  const restart = () => {
    setUpload(null)
    setChoice(NO_CHOICE)
    setDryRun(null)
    setJobId(null)
    setStep('file')
  }

  return (
    <div className="import-screen">
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<Link to="/imports/history">{t('historyLink')}</Link>} />
      <StepIndicator step={step} />
      {step === 'file' && (
        <FileStep
          onUploaded={(u) => {
            setUpload(u)
            setChoice(NO_CHOICE)
            setStep('mapping')
          }}
        />
      )}
      {step === 'mapping' && upload && (
        <MappingStep
          upload={upload}
          choice={choice}
          onChoice={setChoice}
          onBack={restart}
          onPreviewed={(options, preview) => {
            setDryRun({ options, preview })
            setStep('preview')
          }}
        />
      )}
      {step === 'preview' && dryRun && (
        <PreviewStep
          options={dryRun.options}
          preview={dryRun.preview}
          onBack={() => setStep('mapping')}
          onStarted={(id) => {
            setJobId(id)
            setStep('run')
          }}
        />
      )}
      {step === 'run' && jobId && dryRun && <RunStep jobId={jobId} kind={dryRun.preview.kind} onBack={() => setStep('preview')} onAnother={restart} />}
    </div>
  )
}
