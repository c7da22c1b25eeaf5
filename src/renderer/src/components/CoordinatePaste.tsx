import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseLngLat, roundCoordinate, toWgs84, type CoordinateSystem } from '../../../shared/coordinates'

/**
 * Takes a point copied from another map ("123.45, 41.79" from Gaode, Baidu, Tencent or a GPS) with
 * the system it came from, and fills the form's WGS-84 longitude and latitude. Without this, a
 * point copied from Gaode lands a few hundred metres off its building.
 */
export function CoordinatePaste({ onPoint }: { onPoint: (lng: string, lat: string) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [from, setFrom] = useState<CoordinateSystem>('gcj02')
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null)
  const apply = () => {
    const point = parseLngLat(text)
    if (!point) {
      setResult({ ok: false, message: t('coordinates.unreadable') })
      return
    }
    const [lng, lat] = toWgs84(point, from).map(roundCoordinate) as [number, number]
    onPoint(String(lng), String(lat))
    setResult({ ok: true, message: t('coordinates.converted', { from: t(`coordinates.systems.${from}`), x: lng, y: lat }) })
  }
  return (
    <div className="coordinate-paste">
      <label htmlFor={id}>{t('coordinates.label')}</label>
      <div className="coordinate-paste__row">
        <input
          id={id}
          name="pastedCoordinates"
          value={text}
          placeholder="123.456789, 41.789012"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              apply()
            }
          }}
        />
        <select name="pastedSystem" aria-label={t('coordinates.system')} value={from} onChange={(e) => setFrom(e.target.value as CoordinateSystem)}>
          {(['gcj02', 'bd09', 'wgs84'] as const).map((s) => (
            <option key={s} value={s}>{t(`coordinates.systems.${s}`)}</option>
          ))}
        </select>
        <button type="button" onClick={apply}>{t('coordinates.apply')}</button>
      </div>
      {result && (
        <div className={result.ok ? 'field__hint' : 'field__error'} role="status" data-coordinate-result={result.ok ? 'ok' : 'error'}>
          {result.message}
        </div>
      )}
    </div>
  )
}
