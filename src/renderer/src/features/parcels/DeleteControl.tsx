import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useToast } from '../../components/Toast'

interface DeleteControlProps {
  name: string
  remove: () => Promise<unknown>
  restore: () => Promise<unknown>
  /** Where to go once deleted (the list), and back to after an undo (the detail). */
  afterDelete: string
  afterRestore: string
}

/**
 * A delete button that asks once inline, then deletes and offers an undo in a toast. The undo
 * outlives this component (the screen is gone by then), so it relies only on its closures.
 */
export function DeleteControl({ name, remove, restore, afterDelete, afterRestore }: DeleteControlProps) {
  const { t } = useTranslation()
  const toast = useToast()
  const navigate = useNavigate()
  const [confirming, setConfirming] = useState(false)
  const [pending, setPending] = useState(false)

  const confirm = async () => {
    setPending(true)
    try {
      await remove()
    } catch (error) {
      setPending(false)
      toast(error instanceof Error ? error.message : String(error))
      return
    }
    toast(t('state.deleted', { name }), () => {
      restore().then(
        () => void navigate(afterRestore),
        (error: unknown) => toast(error instanceof Error ? error.message : String(error)),
      )
    })
    void navigate(afterDelete)
  }

  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {t('actions.delete')}
      </button>
    )
  }
  return (
    <span className="delete-confirm" role="group">
      <span>{t('actions.confirmDelete', { name })}</span>
      <button type="button" className="danger" disabled={pending} onClick={() => void confirm()}>
        {t('actions.delete')}
      </button>
      <button type="button" disabled={pending} onClick={() => setConfirming(false)}>
        {t('actions.cancel')}
      </button>
    </span>
  )
}
