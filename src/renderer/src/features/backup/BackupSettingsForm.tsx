import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { EVENT_BACKUPS_KEPT, type BackupSettings } from '../../../../shared/backup'
import { NumberField, SelectField, TextField } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { configureInputOf, formOfSettings, INTERVAL_CHOICES, type BackupSettingsForm as FormText } from './backupText'
import { useConfigureBackup } from './mutations'

/**
 * 自动备份 interval, the second folder, and (folded away) how many scheduled backups to keep.
 * Keyed by the saved settings by its parent, so it shows them again after a save.
 */
export function BackupSettingsForm({ saved }: { saved: BackupSettings }) {
  const { t } = useTranslation('backup')
  const toast = useToast()
  const configure = useConfigureBackup()
  const [form, setForm] = useState<FormText>(() => formOfSettings(saved))
  const set = (key: keyof FormText) => (value: string) => setForm((prev) => ({ ...prev, [key]: value }))
  const errors = configure.error?.fieldErrors() ?? {}
  const keepErrors = Boolean(errors['keep.daily'] ?? errors['keep.weekly'] ?? errors['keep.monthly'])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    configure.mutate(configureInputOf(form), { onSuccess: () => toast(t('settings.saved')) })
  }
  const intervals = INTERVAL_CHOICES.map((h) => ({ value: String(h), label: t(`settings.intervals.${h}`) }))
  return (
    <form className="backup-settings" onSubmit={submit} noValidate data-backup-settings>
      <div className="backup-settings__grid">
        <div>
          <SelectField label={t('settings.every')} name="everyHours" value={form.everyHours} options={intervals} onChange={(v) => set('everyHours')(v || '0')} error={errors.everyHours} />
          <div className="field__hint">{t('settings.everyHint')}</div>
        </div>
        <TextField
          label={t('settings.mirror')}
          name="mirrorDir"
          value={form.mirrorDir}
          onChange={set('mirrorDir')}
          placeholder={t('settings.mirrorPlaceholder')}
          hint={t('settings.mirrorHint')}
          error={errors.mirrorDir}
        />
      </div>
      {/* Open when one of its numbers is refused, so the message is seen beside its field. */}
      <details className="backup-settings__advanced" open={keepErrors || undefined}>
        <summary>{t('settings.advanced')}</summary>
        <div className="backup-settings__keep">
          <NumberField label={t('settings.daily')} name="keep.daily" value={form.daily} onChange={set('daily')} unit={t('settings.unit')} error={errors['keep.daily']} />
          <NumberField label={t('settings.weekly')} name="keep.weekly" value={form.weekly} onChange={set('weekly')} unit={t('settings.unit')} error={errors['keep.weekly']} />
          <NumberField label={t('settings.monthly')} name="keep.monthly" value={form.monthly} onChange={set('monthly')} unit={t('settings.unit')} error={errors['keep.monthly']} />
        </div>
        <div className="field__hint">{t('settings.keepHint', { events: EVENT_BACKUPS_KEPT })}</div>
      </details>
      {configure.error && Object.keys(errors).length === 0 && <div className="form-error" role="alert">{configure.error.message}</div>}
      {Object.keys(errors).length > 1 && <div className="form-error">{t('settings.summary', { count: Object.keys(errors).length })}</div>}
      <div>
        <button type="submit" className="primary" disabled={configure.isPending}>{configure.isPending ? t('common:actions.saving') : t('common:actions.save')}</button>
      </div>
    </form>
  )
}
