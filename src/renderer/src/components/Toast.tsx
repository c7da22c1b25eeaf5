import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

// Short notices at the bottom of the window, optionally with an undo action (used after deletes).

interface Toast {
  id: number
  message: string
  undo?: () => void
}

const ToastContext = createContext<(message: string, undo?: () => void) => void>(() => {})

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const { t } = useTranslation()
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), [])
  const show = useCallback(
    (message: string, undo?: () => void) => {
      const id = Date.now() + Math.random()
      setToasts((all) => [...all, { id, message, undo }])
      setTimeout(() => dismiss(id), 8000)
    },
    [dismiss],
  )
  const value = useMemo(() => show, [show])
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast">
            <span>{toast.message}</span>
            {toast.undo && (
              <button
                type="button"
                onClick={() => {
                  toast.undo?.()
                  dismiss(toast.id)
                }}
              >
                {t('actions.undo')}
              </button>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export const useToast = () => useContext(ToastContext)
