// Dates as the person's calendar has them (local, YYYY-MM-DD), for defaults and follow-ups.

export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export type FollowUpState = 'overdue' | 'today' | 'due' | null

/** Where a follow-up date stands against today; null when there is none. */
export function followUpState(followUpDate: string | null, today: string): FollowUpState {
  if (!followUpDate) return null
  if (followUpDate < today) return 'overdue'
  return followUpDate === today ? 'today' : 'due'
}
