import type { ReactNode } from 'react'
import { VOCAB_ZH } from '../../../../shared/labels'
import { landUseColor } from '../../../../shared/landUseColors'
import type { SheetBuilding, SheetData, SheetParcel, SheetPark, SheetSection, SheetSite } from '../../../../shared/sheets'
import { vacancyClass } from '../../../../shared/vacancyColors'
import type { Basemap, BoundaryCity } from '../../../../shared/types'
import { formatArea, formatCount, formatMoney, formatMu, formatRate, formatRent, formatRentRange } from '../../lib/format'
import { SheetMap, type SnapshotPoint } from './SheetMap'
import { SheetPhoto } from './SheetPhoto'
import { sheetCheck } from './sheetCheck'
import {
  area, formatDateZh, formatMetres, formatPlotRatio, formatPricePerMu, formatRatio, parkFigures, siteDistrictCode, siteKindLabel,
  siteName, summaryRow, tenantList,
} from './sheetText'

// The printed document: a cover, a contents page (handbook), a summary table, then one page per
// site. Every block is an A4 page on screen and starts a new page in print; a long site flows on
// to the next page. All figures are text (no canvas), so the PDF can be searched and copied.

interface Props {
  data: SheetData
  basemap: Basemap | null
  cities: readonly BoundaryCity[] | undefined
  /** First page of each block ('cover', 'contents', 'summary', 'site:3'), once measured. */
  pages: ReadonlyMap<string, number> | null
}

export function SheetDocument({ data, basemap, cities, pages }: Props) {
  const has = (s: SheetSection) => data.sections.includes(s)
  const groupOf = new Map<number, string>()
  if (data.handbook) for (const g of data.groups) if (g.siteIndexes.length > 0) groupOf.set(g.siteIndexes[0]!, g.title)
  return (
    <div className="sheet-doc">
      {has('cover') && <Cover data={data} />}
      {data.handbook && <Contents data={data} pages={pages} />}
      {has('summary') && data.sites.length > 0 && <Summary data={data} />}
      {data.sites.map((site, i) => (
        <SitePage key={`${site.kind}:${i}`} index={i} site={site} data={data} group={groupOf.get(i) ?? null} has={has} basemap={basemap} cities={cities} />
      ))}
    </div>
  )
}

function Page({ block, className, children }: { block: string; className?: string; children: ReactNode }) {
  return (
    <section className={`sheet-page ${className ?? ''}`} data-block={block}>
      {children}
    </section>
  )
}

function Cover({ data }: { data: SheetData }) {
  const c = data.contact
  const kind = data.handbook ? '招商手册' : '招商资源清单'
  const buildings = data.sites.filter((s): s is SheetBuilding => s.kind === 'building')
  const parcels = data.sites.filter((s): s is SheetParcel => s.kind === 'parcel')
  const parks = data.sites.filter((s) => s.kind === 'park')
  const overview: Array<[string, string]> = []
  if (buildings.length > 0) {
    overview.push(['楼宇', `${buildings.length} 栋`])
    overview.push(['空置面积', formatArea(buildings.reduce((sum, b) => sum + b.building.vacantArea, 0))])
  }
  if (parcels.length > 0) {
    overview.push(['地块', `${parcels.length} 宗`])
    overview.push(['用地面积', formatMu(parcels.reduce((sum, p) => sum + (p.parcel.area ?? 0), 0))])
  }
  if (parks.length > 0) overview.push(['空中产业园', `${parks.length} 个`])
  return (
    <Page block="cover" className="sheet-cover">
      <div className="sheet-cover__band" />
      <div className="sheet-cover__districts">{data.districts.join(' · ')}</div>
      {!data.title.endsWith(kind) && <div className="sheet-cover__kind">{kind}</div>}
      <h1 className={`sheet-cover__title ${data.title.endsWith(kind) ? 'sheet-cover__title--alone' : ''}`}>{data.title}</h1>
      <div className="sheet-cover__meta">{formatDateZh(data.generatedAt.slice(0, 10))} · 共 {data.sites.length} 处资源</div>
      {overview.length > 0 && (
        <dl className="sheet-cover__overview">
          {overview.map(([label, value]) => (
            <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
          ))}
        </dl>
      )}
      {(c.organisation || c.name || c.phone || c.address) && (
        <dl className="sheet-cover__contact">
          {c.organisation && <div><dt>单位</dt><dd>{c.organisation}</dd></div>}
          {c.name && <div><dt>联系人</dt><dd>{c.name}</dd></div>}
          {c.phone && <div><dt>电话</dt><dd>{c.phone}</dd></div>}
          {c.address && <div><dt>地址</dt><dd>{c.address}</dd></div>}
        </dl>
      )}
    </Page>
  )
}

function Contents({ data, pages }: { data: SheetData; pages: ReadonlyMap<string, number> | null }) {
  const pageOf = (key: string) => (pages?.get(key) ?? '') as ReactNode
  return (
    <Page block="contents" className="sheet-contents">
      <h2 className="sheet-h2">目 录</h2>
      <ol className="sheet-contents__list">
        {data.sections.includes('summary') && data.sites.length > 0 && (
          <li className="sheet-contents__row sheet-contents__row--top"><span>资源汇总表</span><i /><b>{pageOf('summary')}</b></li>
        )}
        {data.groups.map((g) => (
          <li key={g.title} className="sheet-contents__group">
            <div className="sheet-contents__row sheet-contents__row--top"><span>{g.title}</span><i /><b>{pageOf(`site:${g.siteIndexes[0]}`)}</b></div>
            <ol>
              {g.siteIndexes.map((i) => (
                <li key={i} className="sheet-contents__row" data-contents-site={siteName(data.sites[i]!)}>
                  <span>{siteName(data.sites[i]!)}</span><i /><b>{pageOf(`site:${i}`)}</b>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </Page>
  )
}

function Summary({ data }: { data: SheetData }) {
  return (
    <Page block="summary" className="sheet-summary">
      <h2 className="sheet-h2">资源汇总表</h2>
      <table className="sheet-table sheet-table--summary">
        <thead>
          <tr>
            <th>序号</th><th>名称</th><th>类型</th><th>区县</th><th className="num">可供面积</th><th className="num">空置率</th>
            <th>租金 / 用地性质</th><th className="num">面积（亩）</th><th>等级 / 状态</th><th>核实日期</th>
          </tr>
        </thead>
        <tbody>
          {data.sites.map((s, i) => {
            const r = summaryRow(s)
            const check = sheetCheck(s, data)
            return (
              <tr key={i} className={check?.stale ? 'sheet-row--stale' : undefined} data-stale={check?.stale ? '1' : undefined}>
                <td className="num">{i + 1}</td><td className="sheet-table__name">{r.name}</td><td>{r.kind}</td><td>{r.district}</td>
                <td className="num">{r.available}</td><td className="num">{r.vacancy}</td><td>{r.rentOrUse}</td><td className="num">{r.mu}</td><td>{r.status}</td>
                <td className="sheet-table__check">{check?.short ?? '—'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </Page>
  )
}

interface SiteProps {
  index: number
  site: SheetSite
  data: SheetData
  group: string | null
  has: (s: SheetSection) => boolean
  basemap: Basemap | null
  cities: readonly BoundaryCity[] | undefined
}

function SitePage({ index, site, data, group, has, basemap, cities }: SiteProps) {
  const body = site.kind === 'building' ? <BuildingBody site={site} has={has} /> : site.kind === 'parcel' ? <ParcelBody site={site} has={has} /> : <ParkBody site={site} has={has} />
  const showMap = has('map')
  const showPhoto = has('photo') && site.photoId !== null
  return (
    <Page block={`site:${index}`} className="sheet-site">
      {group && <div className="sheet-site__group">{group}</div>}
      <header className="sheet-site__head">
        <span className="sheet-site__number">{index + 1}</span>
        <div>
          <h2 className="sheet-site__name" data-site-name>{siteName(site)}</h2>
          <div className="sheet-site__where">{whereLine(site)}</div>
          <SiteCheck check={sheetCheck(site, data)} />
        </div>
      </header>
      {(showMap || showPhoto) && (
        <div className={`sheet-site__visuals ${showMap && showPhoto ? 'sheet-site__visuals--two' : ''}`}>
          {showMap && <SheetMap districtCode={siteDistrictCode(site)} points={pointsOf(site)} boundary={boundaryOf(site)} basemap={basemap} cities={cities} />}
          {showPhoto && <SheetPhoto photoId={site.photoId!} alt={siteName(site)} />}
        </div>
      )}
      {body}
    </Page>
  )
}

function SiteCheck({ check }: { check: ReturnType<typeof sheetCheck> }) {
  if (!check) return null
  return (
    <div className={`sheet-site__check${check.stale ? ' sheet-site__check--stale' : ''}`} data-sheet-check={check.stale ? 'stale' : 'fresh'}>
      核实日期：{check.long}
    </div>
  )
}

function whereLine(s: SheetSite): string {
  const parts = [siteKindLabel(s)]
  if (s.kind === 'building') {
    if (s.building.grade) parts.push(VOCAB_ZH.grade[s.building.grade])
    parts.push(s.districtName)
    if (s.clusterName) parts.push(s.clusterName)
    if (s.building.address) parts.push(s.building.address)
  } else if (s.kind === 'parcel') {
    parts.push(`编号 ${s.parcel.code}`, s.districtName)
    if (s.parcel.address) parts.push(s.parcel.address)
  } else {
    parts.push(s.park.theme, s.districtName)
  }
  return parts.join(' · ')
}

function pointsOf(s: SheetSite): SnapshotPoint[] {
  if (s.kind === 'building') {
    const b = s.building
    return b.lng != null && b.lat != null ? [{ lng: b.lng, lat: b.lat, label: b.name, color: vacancyClass(b.vacancyRate).color }] : []
  }
  if (s.kind === 'parcel') {
    if (s.lng == null || s.lat == null) return []
    return [{ lng: s.lng, lat: s.lat, label: s.parcel.name, color: landUseColor(s.parcel.landUse).stroke, marker: !s.parcel.boundary }]
  }
  return s.hosts.flatMap((h) => (h.lng != null && h.lat != null ? [{ lng: h.lng, lat: h.lat, label: `${h.buildingName}${h.floors ? ` ${h.floors}层` : ''}`, color: '#7b3fa0' }] : []))
}

function boundaryOf(s: SheetSite) {
  if (s.kind !== 'parcel' || !s.parcel.boundary) return null
  const colour = landUseColor(s.parcel.landUse)
  return { shape: s.parcel.boundary, fill: colour.fill, stroke: colour.stroke }
}

function Figures({ items }: { items: Array<[string, ReactNode, string?]> }) {
  return (
    <dl className="sheet-figures">
      {items.map(([label, value, key]) => (
        <div key={label} className="sheet-figures__item" data-figure={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function Contacts({ lines }: { lines: Array<[string, string | null | undefined]> }) {
  const shown = lines.filter(([, v]) => v)
  return (
    <div className="sheet-block sheet-contacts">
      <h3 className="sheet-h3">联系方式</h3>
      {shown.length === 0 ? <p className="sheet-muted">暂无</p> : (
        <p>{shown.map(([label, value]) => <span key={label} className="sheet-contacts__item">{label}：{value}</span>)}</p>
      )}
    </div>
  )
}

function BuildingBody({ site, has }: { site: SheetBuilding; has: (s: SheetSection) => boolean }) {
  const b = site.building
  const fitOuts = site.vacantFitOuts.map((f) => VOCAB_ZH.fitOut[f]).join('、') || '—'
  return (
    <>
      {has('figures') && (
        <Figures
          items={[
            ['空置率', formatRate(b.vacancyRate), 'vacancyRate'],
            ['空置面积', formatArea(b.vacantArea), 'vacantArea'],
            ['可租面积', formatArea(b.leasableArea), 'leasableArea'],
            ['最大连续空置面积', formatArea(site.largestVacantBlock), 'largestBlock'],
            ['租金', formatRentRange(b.rentMin, b.rentMax, 'zh'), 'rent'],
            ['装修', fitOuts, 'fitOut'],
            ['可租楼层', site.availableFloors.length > 0 ? site.availableFloors.join('、') : '—', 'floors'],
            ['总建筑面积 / 层数', `${formatArea(b.totalArea)} / ${b.floorsAbove ?? '—'}层${b.floorsBelow ? `（地下${b.floorsBelow}层）` : ''}`, 'totalArea'],
            ['物业费', b.propertyFee == null ? '—' : `${b.propertyFee} 元/m²·月`, 'propertyFee'],
            ['入驻企业', `${formatCount(b.tenantCount)} 家`, 'tenantCount'],
          ]}
        />
      )}
      {has('spaces') && (
        <div className="sheet-block">
          <h3 className="sheet-h3">可租空间（{site.availableSpaces.length} 处）</h3>
          {site.availableSpaces.length === 0 ? <p className="sheet-muted">暂无空置或意向空间</p> : (
            <table className="sheet-table sheet-table--spaces">
              <thead>
                <tr><th>楼层</th><th>单元</th><th className="num">面积</th><th>状态</th><th className="num">租金</th><th>装修</th><th>可入驻日期</th><th>可分割</th></tr>
              </thead>
              <tbody>
                {site.availableSpaces.map((s) => (
                  <tr key={s.id}>
                    <td>{s.floorLabel}</td><td>{s.unit ?? '—'}</td><td className="num">{formatArea(s.area)}</td><td>{VOCAB_ZH.spaceStatus[s.status]}</td>
                    <td className="num">{formatRent(s.askingRent)}</td><td>{s.fitOut ? VOCAB_ZH.fitOut[s.fitOut] : '—'}</td>
                    <td>{s.availableFrom ? formatDateZh(s.availableFrom) : '即时'}</td><td>{s.divisible ? '可' : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {site.parks.length > 0 && (
        <p className="sheet-block sheet-parks-line">所在空中产业园：{site.parks.map((p) => `${p.name}${p.floors ? `（${p.floors}层）` : ''}`).join('、')}</p>
      )}
      {has('contacts') && <Contacts lines={[['联系人', b.contactName], ['电话', b.contactPhone], ['产权方', b.owner], ['物业', b.propertyManager]]} />}
      {has('tenants') && (
        <div className="sheet-block sheet-tenants">
          <h3 className="sheet-h3">入驻企业（{site.tenants.length} 家）</h3>
          <p>{tenantList(site.tenants, 30)}</p>
        </div>
      )}
    </>
  )
}

function ParcelBody({ site, has }: { site: SheetParcel; has: (s: SheetSection) => boolean }) {
  const p = site.parcel
  return (
    <>
      {has('planning') && (
        <div className="sheet-block">
          <h3 className="sheet-h3">规划条件</h3>
          <table className="sheet-table sheet-table--facts">
            <tbody>
              <tr><th>用地性质</th><td>{VOCAB_ZH.landUse[p.landUse]}</td><th>出让状态</th><td>{VOCAB_ZH.parcelStatus[p.status]}</td></tr>
              <tr><th>用地面积</th><td data-figure="parcelArea">{p.area == null ? '—' : `${formatArea(p.area)}（${formatMu(p.area)}）`}</td><th>参考价格</th><td data-figure="price">{formatPricePerMu(p.referencePrice)}</td></tr>
              <tr><th>容积率</th><td>{formatPlotRatio(p.plotRatioMin, p.plotRatioMax)}</td><th>建筑密度</th><td>{formatRatio(p.buildingDensity)}</td></tr>
              <tr><th>绿地率</th><td>{formatRatio(p.greenRatio)}</td><th>限高</th><td>{formatMetres(p.heightLimit)}</td></tr>
              <tr><th>土地状况</th><td>{p.readiness ? VOCAB_ZH.readiness[p.readiness] : '—'}</td><th>配套</th><td>{p.utilities ?? '—'}</td></tr>
              <tr><th>意向产业</th><td colSpan={3}>{p.targetIndustry ?? '—'}</td></tr>
            </tbody>
          </table>
        </div>
      )}
      {p.notes && <p className="sheet-block sheet-notes">{p.notes}</p>}
      {has('contacts') && <Contacts lines={[['联系人', p.contactName], ['电话', p.contactPhone]]} />}
    </>
  )
}

function ParkBody({ site, has }: { site: SheetPark; has: (s: SheetSection) => boolean }) {
  const p = site.park
  const { leasable, vacancyRate } = parkFigures(site)
  return (
    <>
      {has('figures') && (
        <Figures
          items={[
            ['主题', p.theme, 'theme'],
            ['状态', VOCAB_ZH.parkStatus[p.status], 'status'],
            ['总面积', formatArea(p.totalArea), 'totalArea'],
            ['计划投资', formatMoney(p.plannedInvestment), 'investment'],
            ['入驻率', formatRate(site.occupancyRate), 'occupancy'],
            ['空置率', formatRate(vacancyRate), 'vacancyRate'],
            ['可租面积', area(leasable), 'leasableArea'],
            ['空置面积', area(site.vacantArea), 'vacantArea'],
            ['运营方', p.operator ?? '—', 'operator'],
          ]}
        />
      )}
      {p.description && <p className="sheet-block sheet-notes">{p.description}</p>}
      {has('subParks') && (
        <div className="sheet-block">
          <h3 className="sheet-h3">分园（{p.subParks.length} 个）</h3>
          {p.subParks.length === 0 ? <p className="sheet-muted">暂无</p> : (
            <table className="sheet-table">
              <thead><tr><th>分园</th><th>方向</th><th className="num">面积</th></tr></thead>
              <tbody>
                {p.subParks.map((s) => <tr key={s.id}><td>{s.name}</td><td>{s.theme ?? '—'}</td><td className="num">{formatArea(s.area)}</td></tr>)}
              </tbody>
            </table>
          )}
          <h3 className="sheet-h3">载体楼宇与楼层</h3>
          <table className="sheet-table">
            <thead><tr><th>楼宇</th><th>楼层</th><th className="num">园区面积</th><th className="num">可租面积</th><th className="num">空置面积</th></tr></thead>
            <tbody>
              {site.hosts.map((h) => (
                <tr key={h.id}><td>{h.buildingName}</td><td>{h.floors ?? '整栋'}</td><td className="num">{formatArea(h.area)}</td><td className="num">{formatArea(h.leasableArea)}</td><td className="num">{formatArea(h.vacantArea)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {has('contacts') && <Contacts lines={[['联系人', p.contactName], ['电话', p.contactPhone], ['运营方', p.operator]]} />}
    </>
  )
}
