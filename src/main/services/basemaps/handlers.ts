import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { DomainError, requireAccepted } from '../../../shared/result'
import type { Basemap } from '../../../shared/types'
import {
  type BasemapPatch, deleteBasemap, getActiveBasemapId, getBasemapRow, insertBasemap, listBasemapRows,
  setActiveBasemapId, updateBasemap,
} from '../../store/basemaps'
import type { FeatureHandlers, ServiceContext } from '../context'
import { downloadArea, estimateArea } from './area'
import { removeDatabaseFiles, TileCache } from './cache'
import { importPackage, packageBounds } from './importPackage'
import { closeSource, dataFile, describeBasemap, openSource, refreshSource } from './sources'
import { plainHttpWarnings } from './plainHttp'

const notFound = () => new DomainError('not_found', '底图：找不到该底图', 'id')

async function basemap(ctx: ServiceContext, id: string): Promise<Basemap> {
  const row = await getBasemapRow(ctx.store.db, id)
  if (!row) throw notFound()
  return describeBasemap(ctx, row)
}

export const basemapHandlers = {
  'basemaps.list': async (_input, ctx) => {
    const rows = await listBasemapRows(ctx.store.db)
    return {
      basemaps: await Promise.all(rows.map((row) => describeBasemap(ctx, row))),
      activeId: await getActiveBasemapId(ctx.store.db),
    }
  },

  'basemaps.setActive': async ({ id }, { store }) => {
    if (!(await setActiveBasemapId(store.db, id))) throw notFound()
    return null
  },

  'basemaps.import': async (input, ctx) => importPackage(ctx, input),

  // The cache file is made first and removed again if the row cannot be written.
  'basemaps.addOnline': async ({ name, urlTemplate, crs, minZoom = 0, maxZoom, attribution, accept }, ctx) => {
    requireAccepted(plainHttpWarnings(urlTemplate), accept)
    const id = randomUUID()
    const relative = `tiles/${id}.mbtiles`
    const file = dataFile(ctx, relative)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    try {
      TileCache.open(file, { name, attribution, minZoom, maxZoom }).close()
      await insertBasemap(ctx.store.db, {
        id, name, kind: 'xyz', crs, file: relative, urlTemplate, format: null, minZoom, maxZoom,
        bounds: null, attribution: attribution ?? null, sizeBytes: 0,
      })
    } catch (error) {
      removeDatabaseFiles(file)
      throw error
    }
    return basemap(ctx, id)
  },

  'basemaps.update': async ({ id, ...fields }, ctx) => {
    const before = await getBasemapRow(ctx.store.db, id)
    if (!before) throw notFound()
    const patch: BasemapPatch = {}
    if (fields.name !== undefined) patch.name = fields.name
    if (fields.attribution !== undefined) patch.attribution = fields.attribution
    if (fields.crs !== undefined && fields.crs !== before.crs) {
      patch.crs = fields.crs
      // Stored bounds are WGS-84: the package's own bounds are read again and converted under the new crs.
      patch.bounds = await packageBounds(ctx, before, fields.crs)
    }
    if (!(await updateBasemap(ctx.store.db, id, patch))) throw notFound()
    const after = (await getBasemapRow(ctx.store.db, id))!
    refreshSource(ctx, after)
    if (after.kind === 'xyz' && (patch.name !== undefined || patch.attribution !== undefined)) {
      const source = await openSource(ctx, id)
      if (source?.kind === 'xyz') {
        source.cache.setMetadata('name', after.name)
        source.cache.setMetadata('attribution', after.attribution)
      }
    }
    return describeBasemap(ctx, after)
  },

  // The row goes first (in one transaction with the active-basemap fallback), then the files.
  'basemaps.remove': async ({ id }, ctx) => {
    const download = ctx.jobs.running(`download:${id}`)
    if (download) {
      ctx.jobs.cancel(download.id)
      await ctx.jobs.wait(download.id)
    }
    const row = await deleteBasemap(ctx.store.db, id)
    if (!row) throw notFound()
    await closeSource(ctx, id)
    if (row.file) {
      const file = dataFile(ctx, row.file)
      try {
        if (row.kind === 'pmtiles') fs.rmSync(file, { force: true })
        else removeDatabaseFiles(file)
      } catch (error) {
        // The basemap is gone (the row was removed, as asked); a file another process still held
        // (Windows refuses to delete it) is left on disk rather than the removal reported failed.
        console.error(`[site-atlas] basemap ${id} removed; its file could not be deleted:`, error)
      }
    }
    return null
  },

  'basemaps.estimateArea': async (input, ctx) => estimateArea(ctx, input),

  'basemaps.downloadArea': async (input, ctx) => downloadArea(ctx, input),
} satisfies FeatureHandlers<'basemaps'>
