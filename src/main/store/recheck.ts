import { type Kysely, sql } from 'kysely'
import type { Database } from './schema'

// The stale rows of the re-check queue, found in SQL by one comparison: a row's check day (its
// verified_at, or the local day it was entered) before `cutoff` (shared/freshness.ts staleCutoff).

type Db = Kysely<Database>

export interface StaleFloorRow {
  buildingId: string
  floorLabel: string
  floorSort: number
  /** Oldest verified_at among the floor's stale spaces that were verified. */
  verifiedMin: string | null
  /** Oldest created_at among the floor's stale spaces never verified. */
  enteredMin: string | null
}

export interface RecheckBuildingRow {
  id: string
  name: string
  address: string | null
  lng: number | null
  lat: number | null
  verifiedAt: string | null
  createdAt: string
}

export interface RecheckParcelRow {
  id: string
  code: string
  name: string
  lng: number | null
  lat: number | null
  boundary: string | null
  verifiedAt: string | null
  createdAt: string
}

const staleRow = (alias: string, cutoff: string) =>
  sql`coalesce(${sql.raw(`${alias}.verified_at`)}, date(${sql.raw(`${alias}.created_at`)}, 'localtime')) < ${cutoff}`

/** Floors of live buildings with at least one live stale space. */
export async function staleFloors(db: Db, cutoff: string): Promise<StaleFloorRow[]> {
  const { rows } = await sql<StaleFloorRow>`
    SELECT s.building_id, s.floor_label, max(s.floor_sort) AS floor_sort,
      min(s.verified_at) AS verified_min,
      min(CASE WHEN s.verified_at IS NULL THEN s.created_at END) AS entered_min
    FROM spaces s JOIN buildings b ON b.id = s.building_id AND b.deleted_at IS NULL
    WHERE s.deleted_at IS NULL AND ${staleRow('s', cutoff)}
    GROUP BY s.building_id, s.floor_label`.execute(db)
  return rows
}

/** Live buildings that are stale themselves or are listed in `withStaleFloors`. */
export async function recheckBuildings(db: Db, cutoff: string, withStaleFloors: readonly string[]): Promise<RecheckBuildingRow[]> {
  const { rows } = await sql<RecheckBuildingRow>`
    WITH floors(id) AS (SELECT value FROM json_each(${JSON.stringify(withStaleFloors)}))
    SELECT b.id, b.name, b.address, b.lng, b.lat, b.verified_at, b.created_at
    FROM buildings b
    WHERE b.deleted_at IS NULL AND (${staleRow('b', cutoff)} OR b.id IN (SELECT id FROM floors))`.execute(db)
  return rows
}

export async function recheckParcels(db: Db, cutoff: string): Promise<RecheckParcelRow[]> {
  const { rows } = await sql<RecheckParcelRow>`
    SELECT p.id, p.code, p.name, p.lng, p.lat, p.boundary, p.verified_at, p.created_at
    FROM parcels p
    WHERE p.deleted_at IS NULL AND ${staleRow('p', cutoff)}`.execute(db)
  return rows
}
