import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DropZone } from './DropZone'
import { useUploadImportFile } from './mutations'

const FORMATS = ['xlsx', 'csv', 'geojson', 'kml', 'shp'] as const

/** Step 1: the file, handed to the host with upload progress, and what files are understood. */
export function FileStep({ onUploaded }: { onUploaded: (upload: { uploadId: string; fileName: string }) => void }) {
  const { t } = useTranslation('imports')
  const upload = useUploadImportFile()
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null)
  const choose = (file: File) => {
    setProgress({ name: file.name, percent: 0 })
    upload.mutate(
      { file, onProgress: (sent, total) => setProgress({ name: file.name, percent: total > 0 ? Math.round((sent / total) * 100) : 0 }) },
      {
        onSuccess: ({ uploadId }) => onUploaded({ uploadId, fileName: file.name }),
        onSettled: () => setProgress(null),
      },
    )
  }
  return (
    <section className="panel import-file" aria-labelledby="import-file-title">
      <h2 id="import-file-title" className="visually-hidden">{t('steps.file')}</h2>
      <DropZone disabled={upload.isPending} onFile={choose} />
      {progress && (
        <div className="progress" role="progressbar" aria-valuenow={progress.percent} aria-valuemin={0} aria-valuemax={100}>
          <div className="progress__bar" style={{ width: `${progress.percent}%` }} />
          <span>{progress.percent < 100 ? t('file.uploading', progress) : t('file.reading', progress)}</span>
        </div>
      )}
      {upload.error && <div className="form-error" role="alert">{upload.error.message}</div>}
      <h3>{t('file.formatsTitle')}</h3>
      <ul className="import-formats">
        {FORMATS.map((f) => (
          <li key={f}>
            <strong>{t(`file.formats.${f}.name`)}</strong>
            <span>{t(`file.formats.${f}.hint`)}</span>
          </li>
        ))}
      </ul>
      <p className="field__hint">{t('file.limits')}</p>
    </section>
  )
}
