// Where a basemap's tiles are reached on every host, written and read in one place.

/** The tile URL template of a basemap the API hands out, relative to the host: `tiles/<id>/{z}/{x}/{y}`. */
export function tilePathOf(id: string): string {
  return `tiles/${id}/{z}/{x}/{y}`
}

/** `/tiles/<basemap id>/<z>/<x>/<y>`, the path part of every host's tile URL, → its parts; null if malformed. */
export function parseTilePath(pathname: string): { id: string; z: number; x: number; y: number } | null {
  const match = /^\/tiles\/([0-9a-f-]{36})\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})$/i.exec(pathname)
  if (!match) return null
  return { id: match[1]!.toLowerCase(), z: Number(match[2]), x: Number(match[3]), y: Number(match[4]) }
}
