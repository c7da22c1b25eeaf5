import type { ImportFieldInfo, ImportKind, ImportOptions, ImportSheetInfo } from '../../../../shared/imports'

// The column mapping as the wizard keeps it: the importer's suggestion for each column, overridden
// column by column by the person. Pure, so the rules are tested without a screen.

/** Column index → field key (null: not imported), only for the columns the person changed. */
export type MappingOverrides = Record<number, string | null>

/** The fields a kind takes; a workbook is read in its own layout and maps nothing. */
export function fieldsOf(fields: Record<Exclude<ImportKind, 'workbook'>, ImportFieldInfo[]>, kind: ImportKind): ImportFieldInfo[] {
  return kind === 'workbook' ? [] : fields[kind]
}

/**
 * Each column's field: the person's choice, else the importer's suggestion when the chosen kind
 * has that field (a suggestion made for buildings means nothing for parcels unless they share it),
 * else the field whose label the header is, word for word (the importer suggests nothing when it
 * took the file for another kind, e.g. for a sheet of what it thought was a whole workbook).
 */
export function effectiveMapping(sheet: ImportSheetInfo, fields: ImportFieldInfo[], overrides: MappingOverrides): Map<number, string | null> {
  const known = new Set(fields.map((f) => f.key))
  const byLabel = new Map(fields.map((f) => [f.label, f.key]))
  return new Map(
    sheet.columns.map((c) => {
      if (c.index in overrides) return [c.index, overrides[c.index]!]
      if (c.field !== null && known.has(c.field)) return [c.index, c.field]
      return [c.index, byLabel.get(c.header.trim()) ?? null]
    }),
  )
}

/** The field the wizard's default district stands in for, on rows that name none. */
export const DISTRICT_FIELD = 'districtCode'

/**
 * Required fields no column goes into, and no wizard choice gives (a default district gives every
 * row its district): every row would be rejected for each of them.
 */
export function missingRequired(fields: ImportFieldInfo[], mapping: Map<number, string | null>, defaultDistrict = false): ImportFieldInfo[] {
  const used = new Set(mapping.values())
  if (defaultDistrict) used.add(DISTRICT_FIELD)
  return fields.filter((f) => f.required && !used.has(f.key))
}

/** Fields more than one column goes into: which one wins would be a guess. */
export function duplicateTargets(fields: ImportFieldInfo[], mapping: Map<number, string | null>): ImportFieldInfo[] {
  const counts = new Map<string, number>()
  for (const key of mapping.values()) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1)
  return fields.filter((f) => (counts.get(f.key) ?? 0) > 1)
}

/** The mapping as the contract takes it: every column named, so nothing is left to a second guess. */
export function mappingInput(mapping: Map<number, string | null>): NonNullable<ImportOptions['mapping']> {
  return Object.fromEntries([...mapping].map(([index, key]) => [String(index), key]))
}
