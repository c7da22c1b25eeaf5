import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Facts, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { applyLanguage, type Language } from '../../i18n'
import { BackupSection } from '../backup/BackupSection'
import { BasemapsSection } from '../basemaps/BasemapsSection'
import { ContactSection } from '../sheets/ContactSection'
import { FreshnessSettings } from '../recheck/FreshnessSettings'
import { DemoSection } from './DemoSection'
import { DistrictsSection } from './DistrictsSection'
import { useSetSetting } from './mutations'
import { useSettings, useStoreInfo } from './queries'

export function SettingsScreen() {
  const { t } = useTranslation('settings')
  return (
    <div className="settings">
      <PageHeader title={t('title')} />
      {/* First while the demo is there: the banner's 移除演示数据… link leads here. */}
      <DemoSection />
      <LanguageSection />
      <UserSection />
      <ContactSection />
      <FreshnessSettings />
      <BackupSection />
      <DataSection />
      <BasemapsSection />
      <DistrictsSection />
    </div>
  )
}

function LanguageSection() {
  const { t, i18n } = useTranslation('settings')
  const setSetting = useSetSetting()
  // The same two steps as the shell's switch: show it now, remember it in the store.
  const choose = (language: Language) => {
    void applyLanguage(language)
    setSetting.mutate({ key: 'ui.language', value: language })
  }
  return (
    <section className="panel">
      <h2>{t('language.title')}</h2>
      <div className="settings__row">
        <select name="ui.language" value={i18n.language} aria-label={t('language.title')} onChange={(e) => choose(e.target.value as Language)}>
          <option value="zh">{t('common:language.zh')}</option>
          <option value="en">{t('common:language.en')}</option>
        </select>
        <span className="field__hint">{t('language.hint')}</span>
      </div>
    </section>
  )
}

function UserSection() {
  const settings = useSettings()
  const saved = settings.data?.['user.name'] ?? ''
  // Keyed by the saved name, so the field shows it once settings arrive and after a save.
  return <UserNameForm key={saved} saved={saved} />
}

function UserNameForm({ saved }: { saved: string }) {
  const { t } = useTranslation('settings')
  const toast = useToast()
  const setSetting = useSetSetting()
  const [name, setName] = useState(saved)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setSetting.mutate({ key: 'user.name', value: name.trim() }, { onSuccess: () => toast(t('user.saved')) })
  }
  return (
    <section className="panel">
      <h2>{t('user.title')}</h2>
      <form className="settings__row" onSubmit={submit} noValidate>
        <label className="settings__label" htmlFor="settings-user-name">{t('user.label')}</label>
        <input id="settings-user-name" name="user.name" value={name} placeholder={t('user.placeholder')} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="primary" disabled={setSetting.isPending}>{t('common:actions.save')}</button>
      </form>
      <div className="field__hint">{t('user.hint')}</div>
      {setSetting.error && <div className="form-error" role="alert">{setSetting.error.message}</div>}
    </section>
  )
}

function DataSection() {
  const { t } = useTranslation('settings')
  const info = useStoreInfo()
  const i = info.data
  return (
    <section className="panel">
      <h2>{t('data.title')}</h2>
      <Facts
        items={[
          [t('data.file'), i ? <code key="file" className="settings__path">{i.dataFile}</code> : '…'],
          [t('data.schemaVersion'), i ? String(i.schemaVersion) : '…'],
          [t('data.deviceId'), i ? <code key="device">{i.deviceId}</code> : '…'],
          [t('data.appVersion'), i?.appVersion ?? '…'],
        ]}
      />
      <div className="field__hint">{t('data.hint')}</div>
    </section>
  )
}
