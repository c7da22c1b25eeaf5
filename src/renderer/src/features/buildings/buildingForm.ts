import type { BuildingGrade, BuildingKind, Ownership } from '../../../../shared/domain'
import type { BuildingCreate } from '../../../../shared/schemas/buildings'
import type { Building } from '../../../../shared/types'
import { numberText, parseNumber, textOrNull } from '../../lib/form'

// The building form keeps what was typed (numbers as text) and turns it into API input on save.

export interface BuildingFormState {
  name: string
  address: string
  districtCode: string
  clusterId: string
  lng: string
  lat: string
  grade: BuildingGrade | ''
  kind: BuildingKind
  floorsAbove: string
  floorsBelow: string
  totalArea: string
  landArea: string
  yearBuilt: string
  owner: string
  propertyManager: string
  ownership: Ownership | ''
  propertyFee: string
  contactName: string
  contactPhone: string
  notes: string
}

export function emptyBuildingForm(districtCode = ''): BuildingFormState {
  return {
    name: '', address: '', districtCode, clusterId: '', lng: '', lat: '', grade: '', kind: 'office',
    floorsAbove: '', floorsBelow: '', totalArea: '', landArea: '', yearBuilt: '', owner: '', propertyManager: '',
    ownership: '', propertyFee: '', contactName: '', contactPhone: '', notes: '',
  }
}

export function buildingFormOf(b: Building): BuildingFormState {
  return {
    name: b.name,
    address: b.address ?? '',
    districtCode: b.districtCode,
    clusterId: b.clusterId ?? '',
    lng: numberText(b.lng),
    lat: numberText(b.lat),
    grade: b.grade ?? '',
    kind: b.kind,
    floorsAbove: numberText(b.floorsAbove),
    floorsBelow: numberText(b.floorsBelow),
    totalArea: numberText(b.totalArea),
    landArea: numberText(b.landArea),
    yearBuilt: numberText(b.yearBuilt),
    owner: b.owner ?? '',
    propertyManager: b.propertyManager ?? '',
    ownership: b.ownership ?? '',
    propertyFee: numberText(b.propertyFee),
    contactName: b.contactName ?? '',
    contactPhone: b.contactPhone ?? '',
    notes: b.notes ?? '',
  }
}

/** Every field, empty ones as null, so an edit can also clear a value. */
export function buildingInputOf(s: BuildingFormState): BuildingCreate {
  return {
    name: s.name,
    address: textOrNull(s.address),
    districtCode: s.districtCode,
    clusterId: s.clusterId || null,
    lng: parseNumber(s.lng),
    lat: parseNumber(s.lat),
    grade: s.grade || null,
    kind: s.kind,
    floorsAbove: parseNumber(s.floorsAbove),
    floorsBelow: parseNumber(s.floorsBelow),
    totalArea: parseNumber(s.totalArea),
    landArea: parseNumber(s.landArea),
    yearBuilt: parseNumber(s.yearBuilt),
    owner: textOrNull(s.owner),
    propertyManager: textOrNull(s.propertyManager),
    ownership: s.ownership || null,
    propertyFee: parseNumber(s.propertyFee),
    contactName: textOrNull(s.contactName),
    contactPhone: textOrNull(s.contactPhone),
    notes: textOrNull(s.notes),
  }
}
