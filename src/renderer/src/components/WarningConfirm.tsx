import { useCallback, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Warning } from '../../../shared/result'
import { ApiCallError } from '../api/client'
import { Dialog } from './Dialog'

// Writes that may warn (shared/result.ts requireAccepted) answer needs_confirmation with the
// warnings; the person reads them and either accepts (the same write is sent again with their
// codes in `accept`) or goes back to the form. One hook for every form that can warn.

/** The warnings of a needs_confirmation refusal, or null for any other outcome. */
export function warningsOf(error: unknown): Warning[] | null {
  return error instanceof ApiCallError && error.error.code === 'needs_confirmation' ? (error.error.warnings ?? []) : null
}

/**
 * `run(send)` calls `send(accept)` with no accepted codes; on warnings it shows them and, when
 * accepted, calls `send` again with their codes. Resolves with the answer, or undefined when the
 * person went back. Other errors are thrown as they came. Render `dialog` somewhere in the form.
 */
export function useWarningConfirm() {
  const { t } = useTranslation()
  const [open, setOpen] = useState<{ warnings: Warning[]; decide: (ok: boolean) => void } | null>(null)
  const accepted = useRef<string[]>([])

  const run = useCallback(async <T,>(send: (accept: string[] | undefined) => Promise<T>): Promise<T | undefined> => {
    accepted.current = []
    for (;;) {
      try {
        return await send(accepted.current.length ? accepted.current : undefined)
      } catch (error) {
        const warnings = warningsOf(error)
        if (!warnings || warnings.length === 0) throw error
        const ok = await new Promise<boolean>((decide) => setOpen({ warnings, decide }))
        setOpen(null)
        if (!ok) return undefined
        accepted.current = [...new Set([...accepted.current, ...warnings.map((w) => w.code)])]
      }
    }
  }, [])

  const dialog: ReactNode = open && (
    <Dialog title={t('warnings.title')} onClose={() => open.decide(false)}>
      <p>{t('warnings.intro')}</p>
      <ul className="warning-list">
        {open.warnings.map((w) => <li key={w.code}>{w.message}</li>)}
      </ul>
      <div className="modal__actions">
        <button type="button" className="primary" onClick={() => open.decide(true)}>{t('warnings.accept')}</button>
        <button type="button" onClick={() => open.decide(false)}>{t('warnings.cancel')}</button>
      </div>
    </Dialog>
  )
  return { run, dialog }
}
