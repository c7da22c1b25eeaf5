import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportBatch } from '../../../../shared/imports'
import { ConfirmDialog } from '../../components/Dialog'
import { useToast } from '../../components/Toast'
import { useUndoImport } from './mutations'

/**
 * Takes a whole import back after a confirm. When the importer refuses (e.g. rows were edited
 * since), its sentence is shown as it says it.
 */
export function UndoImportButton({ batch, label, className }: { batch: ImportBatch; label: string; className?: string }) {
  const { t } = useTranslation('imports')
  const toast = useToast()
  const undo = useUndoImport()
  const [asking, setAsking] = useState(false)
  return (
    <>
      <button type="button" className={className ?? 'danger'} disabled={undo.isPending} onClick={() => setAsking(true)}>{label}</button>
      {undo.error && <div className="form-error import-undo-error" role="alert">{undo.error.message}</div>}
      {asking && (
        <ConfirmDialog
          title={t('undo.title')}
          message={t('undo.confirm', { file: batch.fileName, created: batch.created, updated: batch.updated })}
          confirmLabel={t('undo.action')}
          pending={undo.isPending}
          onCancel={() => setAsking(false)}
          onConfirm={() =>
            undo.mutate(
              { id: batch.id },
              {
                onSuccess: () => toast(t('undo.done', { file: batch.fileName })),
                onSettled: () => setAsking(false),
              },
            )
          }
        />
      )}
    </>
  )
}
