import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ServerSettingsView } from '../../../../shared/sync'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/Field'
import { Facts } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { localTime } from '../backup/backupText'
import { useSetServer, useSignIn, useSignOut, useSyncNow } from './mutations'
import { whenText } from './syncText'
import { useNow } from './useNow'

/** The team server: where, who, signed in or not, the last sync and its failure; 登录, 立即同步, 退出登录. */
export function ServerCard({ server }: { server: ServerSettingsView | null }) {
  const { t } = useTranslation('sync')
  const [editing, setEditing] = useState(false)
  const [signingIn, setSigningIn] = useState(false)
  return (
    <section className="panel sync-server" aria-labelledby="sync-server-title" data-sync-server={server ? (server.signedIn ? 'signed-in' : 'signed-out') : 'none'}>
      <div className="sync-panel__head">
        <h2 id="sync-server-title">{t('server.title')}</h2>
        {server && (
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {t('server.edit')}
          </button>
        )}
      </div>
      {server ? (
        <ServerFacts server={server} onSignIn={() => setSigningIn(true)} />
      ) : (
        <>
          <p className="field__hint">{t('server.none')}</p>
          <ServerForm onDone={() => undefined} />
        </>
      )}
      {editing && server && (
        <Dialog title={t('server.setTitle')} onClose={() => setEditing(false)}>
          <ServerForm saved={server} onDone={() => setEditing(false)} />
        </Dialog>
      )}
      {signingIn && server && <SignInDialog server={server} onClose={() => setSigningIn(false)} />}
    </section>
  )
}

function ServerFacts({ server, onSignIn }: { server: ServerSettingsView; onSignIn: () => void }) {
  const { t, i18n } = useTranslation('sync')
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const now = useNow()
  const signOut = useSignOut()
  const items: Array<[string, ReactNode]> = [
    [t('server.url'), <code key="url" className="settings__path">{server.url}</code>],
    [t('server.user'), server.user],
    [t('server.role'), server.role ? t(`server.roles.${server.role}`) : t('server.noRole')],
    [
      t('server.state'),
      server.signedIn ? (
        <span className="sync-ok">{server.tokenExpiresAt ? t('server.signedInUntil', { when: localTime(server.tokenExpiresAt) }) : t('server.signedIn')}</span>
      ) : (
        <span className="sync-warn">{t('server.signedOut')}</span>
      ),
    ],
    [
      t('server.lastSync'),
      server.lastSyncAt ? whenText(server.lastSyncAt, now, lang) : t('server.never'),
    ],
  ]
  return (
    <>
      <Facts items={items} />
      {server.lastError && (
        <div className="error-box sync-server__error" role="alert" data-sync-server-error>
          {t('server.lastError', { message: server.lastError })}
        </div>
      )}
      {server.role === 'viewer' && <p className="field__hint">{t('server.viewerHint')}</p>}
      <div className="sync-actions">
        {server.signedIn ? (
          <>
            <SyncNow />
            <button type="button" disabled={signOut.isPending} onClick={() => signOut.mutate({})}>
              {t('server.signOut')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={onSignIn}>
            {t('server.signIn')}
          </button>
        )}
      </div>
      {signOut.error && <div className="form-error" role="alert">{signOut.error.message}</div>}
    </>
  )
}

/** 立即同步, with a busy bar while it runs and what went each way after. */
function SyncNow() {
  const { t } = useTranslation('sync')
  const run = useSyncNow()
  const r = run.data
  return (
    <div className="sync-now">
      <button type="button" className="primary" disabled={run.isPending} aria-busy={run.isPending} onClick={() => run.mutate({})}>
        {run.isPending ? t('server.syncing') : t('server.syncNow')}
      </button>
      {run.isPending && (
        <div className="progress sync-now__progress" role="progressbar" aria-busy="true" aria-label={t('server.syncing')}>
          <div className="progress__bar progress__bar--busy" />
        </div>
      )}
      {r && !run.isPending && (
        <span role="status" data-sync-run>
          {t('server.done', { pushed: r.pushed, pulled: r.pulled, applied: r.applied })}
          {r.conflicts > 0 && (
            <>
              {' · '}
              <Link to="/sync/conflicts" className="sync-conflict-link">{t('server.doneConflicts', { count: r.conflicts })}</Link>
            </>
          )}
        </span>
      )}
      {run.error && <div className="form-error" role="alert">{run.error.message}</div>}
    </div>
  )
}

/** The server's address and the person's account; the service's sentence beside the field it names. */
function ServerForm({ saved, onDone }: { saved?: ServerSettingsView; onDone: () => void }) {
  const { t } = useTranslation('sync')
  const toast = useToast()
  const set = useSetServer()
  const [url, setUrl] = useState(saved?.url ?? '')
  const [user, setUser] = useState(saved?.user ?? '')
  const errors = set.error?.fieldErrors() ?? {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    set.mutate({ url, user }, {
      onSuccess: () => {
        toast(t('server.saved'))
        onDone()
      },
    })
  }
  // A refusal naming a field shows beside it; any other below the form.
  const besideField = Boolean(errors.url || errors.user)
  return (
    <form className="sync-server__form" onSubmit={submit}>
      <TextField label={t('server.url')} name="url" value={url} onChange={setUrl} placeholder={t('server.urlPlaceholder')} required error={errors.url} />
      <TextField label={t('server.user')} name="user" value={user} onChange={setUser} required error={errors.user} />
      <div className="modal__actions">
        <button type="submit" className="primary" disabled={set.isPending}>
          {set.isPending ? t('server.setting') : t('server.set')}
        </button>
        {saved && (
          <button type="button" onClick={onDone}>
            {t('server.cancel')}
          </button>
        )}
      </div>
      {set.error && !besideField && <div className="form-error" role="alert">{set.error.message}</div>}
    </form>
  )
}

/** 登录: the password goes to the server once; only the token it answers is kept. */
function SignInDialog({ server, onClose }: { server: ServerSettingsView; onClose: () => void }) {
  const { t } = useTranslation('sync')
  const signIn = useSignIn()
  const [password, setPassword] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    signIn.mutate({ password }, { onSuccess: onClose })
  }
  return (
    <Dialog title={t('server.passwordTitle')} onClose={onClose}>
      <form onSubmit={submit} className="sync-server__form">
        <p className="field__hint">{t('server.passwordFor', { user: server.user, url: server.url })}</p>
        <label className="field">
          <span>{t('server.password')}</span>
          <input type="password" name="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {signIn.error && <div className="form-error" role="alert">{signIn.error.message}</div>}
        <div className="modal__actions">
          <button type="submit" className="primary" disabled={signIn.isPending || password === ''}>
            {signIn.isPending ? t('server.signingIn') : t('server.signInButton')}
          </button>
          <button type="button" onClick={onClose}>
            {t('server.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
