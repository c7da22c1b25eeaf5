import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../components/Page'

// Being built (issue 11).
export function LandTab() {
  const { t } = useTranslation('stats')
  return <EmptyState title={t('title')} />
}
