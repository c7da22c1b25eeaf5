import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog'
import { ExportPanel, type ScopeChoice } from './ExportPanel'

/** The export as a dialog over another screen (the map's 导出 action). */
export function ExportDialog({ initialScope, onClose }: { initialScope?: ScopeChoice; onClose: () => void }) {
  const { t } = useTranslation('exports')
  return (
    <Dialog title={t('title')} onClose={onClose} wide>
      <ExportPanel initialScope={initialScope} onClose={onClose} />
    </Dialog>
  )
}
