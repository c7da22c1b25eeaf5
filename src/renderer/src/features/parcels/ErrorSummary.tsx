import type { FormErrors } from './formKit'

/** Above the save button: how many problems, and those that have no field to sit beside. */
export function ErrorSummary({ errors, shown, title }: { errors: FormErrors; shown: readonly string[]; title: string }) {
  if (errors.count === 0) return null
  const unplaced = errors.unplaced(shown)
  return (
    <div className="form-error error-summary" role="alert">
      <div>{title}</div>
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
