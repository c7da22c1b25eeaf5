import { DomainError } from '../../../shared/result'
import type { FeatureHandlers } from '../context'
import { findBoundaryCity, listBoundaryCities, readCityBoundaries, readOverviewBoundaries } from './reader'

// The embedded default basemap: district boundaries with names, read from the app's resources.
export const boundaryHandlers = {
  'boundaries.cities': async (_input, { resourcesDir }) => listBoundaryCities(resourcesDir),

  // A city's code, or any of its districts' codes: the map asks for the city of the district it shows.
  'boundaries.city': async ({ code }, { resourcesDir }) => {
    const city = await findBoundaryCity(resourcesDir, code)
    if (!city) throw new DomainError('not_found', `城市代码：没有代码为 ${code} 的城市或区县的边界数据`, 'code')
    return readCityBoundaries(resourcesDir, city.code)
  },

  'boundaries.overview': async (_input, { resourcesDir }) => readOverviewBoundaries(resourcesDir),
} satisfies FeatureHandlers<'boundaries'>
