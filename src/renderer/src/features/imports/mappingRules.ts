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
 * has that field (a suggestion made for buildings means nothing for parcels unless they share it).
 */
export function effectiveMapping(sheet: ImportSheetInfo, fields: ImportFieldInfo[], overrides: MappingOverrides): Map<number, string | null> {
  const known = new Set(fields.map((f) => f.key))
  return new Map(
    sheet.columns.map((c) => {
      const chosen = c.index in overrides ? overrides[c.index]! : c.field
      return [c.index, chosen !== null && known.has(chosen) ? chosen : null]
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
