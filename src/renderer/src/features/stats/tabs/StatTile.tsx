/** One headline figure of a tab (the old overview's tile), with an optional second reading. */
export function StatTile({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="stat-tile" data-stat={label}>
      <div className="stat-tile__value">{value}</div>
      {sub && <div className="stat-tile__sub">{sub}</div>}
      <div className="stat-tile__label">{label}</div>
    </div>
  )
}
