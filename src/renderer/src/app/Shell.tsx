import { lazy, Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet } from 'react-router'
import { applyLanguage, type Language } from '../i18n'
import { useSetSetting } from '../features/meta/mutations'
import { useSettings, useStoreInfo } from '../features/meta/queries'
import { SearchBox } from '../features/search/SearchBox'
import { SyncStatusBar } from '../features/sync/SyncStatusBar'
import { navEntries } from './routes'
import { Onboarding } from './Onboarding'

// Shown instead of the app when the data file failed its start-up check; its code loads only then.
const RecoveryScreen = lazy(() => import('../features/backup/RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })))

export function Shell() {
  const { t, i18n } = useTranslation()
  const info = useStoreInfo()
  const settings = useSettings()
  const setSetting = useSetSetting()

  // The language saved in the store wins over this window's cached choice.
  const saved = settings.data?.['ui.language']
  useEffect(() => {
    if ((saved === 'zh' || saved === 'en') && saved !== i18n.language) void applyLanguage(saved)
  }, [saved, i18n.language])

  const switchLanguage = (language: Language) => {
    void applyLanguage(language)
    setSetting.mutate({ key: 'ui.language', value: language })
  }

  if (info.error?.error.code === 'store_unavailable') {
    return (
      <Suspense fallback={null}>
        <RecoveryScreen />
      </Suspense>
    )
  }

  return (
    <div className="shell">
      <aside className="shell__nav">
        <div className="shell__brand">{t('appName')}</div>
        <nav>
          {navEntries.map((entry) => (
            <NavLink key={entry.path} to={entry.path} end={entry.path === '/'}>
              {t(entry.labelKey)}
            </NavLink>
          ))}
        </nav>
        <div className="shell__language">
          <label>
            {t('language.label')}
            <select value={i18n.language} onChange={(e) => switchLanguage(e.target.value as Language)} aria-label={t('language.label')}>
              <option value="zh">{t('language.zh')}</option>
              <option value="en">{t('language.en')}</option>
            </select>
          </label>
        </div>
      </aside>
      <div className="shell__main">
        <div className="shell__topbar">
          <SearchBox />
          <SyncStatusBar />
        </div>
        {info.data?.hasDemoData && (
          <div className="demo-banner" role="note">
            <span className="badge badge--demo">{t('demo.badge')}</span> {t('demo.banner')} <Link to="/settings">{t('demo.removeLink')}</Link>
          </div>
        )}
        <main className="shell__content">
          <Outlet />
        </main>
      </div>
      {info.data && !info.data.onboarded && info.data.empty && <Onboarding />}
    </div>
  )
}
