import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/Page'
import { ExportPanel } from './ExportPanel'

export function ExportScreen() {
  const { t } = useTranslation('exports')
  return (
    <div className="settings">
      <PageHeader title={t('title')} />
      <section className="panel">
        <p className="field__hint">{t('intro')}</p>
        <ExportPanel />
      </section>
    </div>
  )
}
