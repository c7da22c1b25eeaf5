import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { readSheetContact, sheetContactSchema, type SheetContact } from '../../../../shared/sheets'
import { TextField } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { useSaveSheetContact } from './mutations'
import { useSettings } from './queries'

// 设置 → 清单联系人: who is printed on the cover of every sheet and handbook. Stored as JSON under
// 'sheet.contact'; checked here before sending (same schema as the service, which checks again).

const FIELDS = ['organisation', 'name', 'phone', 'address'] as const
type Form = Record<(typeof FIELDS)[number], string>

const toForm = (c: SheetContact): Form => ({ organisation: c.organisation ?? '', name: c.name ?? '', phone: c.phone ?? '', address: c.address ?? '' })

export function ContactSection() {
  const settings = useSettings()
  const saved = settings.data?.['sheet.contact'] ?? ''
  // Keyed by the saved value, so the form shows it once settings arrive and after a save.
  return <ContactForm key={saved} saved={readSheetContact(saved)} />
}

function ContactForm({ saved }: { saved: SheetContact }) {
  const { t } = useTranslation('sheets')
  const toast = useToast()
  const save = useSaveSheetContact()
  const [form, setForm] = useState<Form>(() => toForm(saved))
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({})
  const serverErrors = save.error?.fieldErrors() ?? {}

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = sheetContactSchema.safeParse(form)
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])))
      return
    }
    setErrors({})
    save.mutate({ key: 'sheet.contact', value: JSON.stringify(parsed.data) }, { onSuccess: () => toast(t('contact.saved')) })
  }

  return (
    <section className="panel" data-section="sheet-contact">
      <h2>{t('contact.title')}</h2>
      <p className="field__hint">{t('contact.hint')}</p>
      <form className="sheet-contact-form" onSubmit={submit} noValidate>
        {FIELDS.map((f) => (
          <TextField
            key={f}
            label={t(`contact.${f}`)}
            name={`contact.${f}`}
            value={form[f]}
            onChange={(v) => setForm({ ...form, [f]: v })}
            error={errors[f] ?? serverErrors[`value.${f}`]}
          />
        ))}
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>{t('common:actions.save')}</button>
        </div>
      </form>
      {save.error && !Object.keys(serverErrors).some((k) => k.startsWith('value.')) && <div className="form-error" role="alert">{save.error.message}</div>}
    </section>
  )
}
