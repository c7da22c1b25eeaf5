import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'

export const IMPORT_ACCEPT = '.xlsx,.csv,.geojson,.json,.kml,.kmz,.zip'

/** A file picker that also takes a file dropped on it. The label makes the whole box a keyboard-reachable button. */
export function DropZone({ disabled, onFile }: { disabled: boolean; onFile: (file: File) => void }) {
  const { t } = useTranslation('imports')
  const [over, setOver] = useState(false)
  const drop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    const file = e.dataTransfer.files[0]
    if (file && !disabled) onFile(file)
  }
  return (
    <div
      className={`import-drop${over ? ' is-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <span>{t('file.drop')}</span>
      {/* The native file button speaks the system's language; this one speaks the app's. */}
      <label className={`button-like primary-like${disabled ? ' is-disabled' : ''}`}>
        {t('file.choose')}
        <input
          type="file"
          name="importFile"
          accept={IMPORT_ACCEPT}
          disabled={disabled}
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) onFile(file)
          }}
        />
      </label>
    </div>
  )
}
