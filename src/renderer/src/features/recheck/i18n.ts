import type { Messages } from '../../i18n'

// Strings of the re-check queue (复核清单), of the verified dates shown beside figures elsewhere
// (building and parcel pages, lists, map card, sheets) and of the stale threshold in settings.
export const messages = {
  zh: {
    nav: '复核清单',
    title: '复核清单',
    subtitle: '超过 {{days}} 天未核实的楼宇（或其中的楼层）和地块，按离起点由近到远排列。到现场核实后点击核实，该条即从清单移除。',
    legend: '斜线：超过 {{days}} 天未核实',
    moreFloors: '等 {{count}} 层',
    origin: {
      title: '起点', none: '未选起点：按最久未核实排列', site: '从资源选：', sitePlaceholder: '输入楼宇或地块名称',
      mapCentre: '用地图中心', noMapCentre: '地图还没有保存的视野', clear: '清除起点', chosen: '起点：{{name}}（{{lng}}, {{lat}}）',
      pasted: '粘贴的坐标', centre: '地图中心', noPosition: '“{{name}}”还没有标注位置，不能作为起点',
    },
    filter: { all: '全部', building: '只看楼宇', parcel: '只看地块' },
    columns: { site: '资源', distance: '距离', age: '核实情况', parts: '待核实', actions: '操作' },
    kinds: { building: '楼宇', parcel: '地块' },
    count: '共 {{total}} 处待复核', shown: '，显示最近的 {{count}} 处',
    empty: '没有待复核的资源：所有楼宇和地块都在 {{days}} 天内核实过。',
    whole: '整栋', wholeOnly: '楼宇信息', floors: '{{floors}} 层',
    noPosition: '未标注位置',
    actions: { building: '核实整栋', floor: '核实 {{floor}} 层', parcel: '已核实', marking: '正在记录…' },
    marked: '已记录核实：{{name}}', markedFloor: '已记录核实：{{name}} {{floor}} 层',
    freshness: {
      verifyBuilding: '核实整栋', verifyFloor: '核实本层', verifyParcel: '核实', verifying: '正在记录…',
      building: '楼宇核实', oldest: '全楼最早', stale: '待复核', verifiedToast: '已记录核实（{{day}}）', floor: '{{floor}} 层',
      hint: '到现场确认信息无误后点击，记录今天为核实日期。',
      column: '核实',
    },
    settings: {
      title: '核实周期', label: '超过多少天未核实算过期', unit: '天', saved: '已保存核实周期',
      hint: '超过这一天数未到现场核实的楼宇、空间和地块，在地图、列表和资源清单上加阴影标出，并列入复核清单。默认 90 天。',
    },
  },
  en: {
    nav: 'Re-check',
    title: 'Re-check queue',
    subtitle: 'Buildings (or their floors) and parcels not verified for more than {{days}} days, nearest first from the starting point. Verify one on site and it leaves the queue.',
    legend: 'Hatched: not verified for over {{days}} days',
    moreFloors: '{{count}} more floors',
    origin: {
      title: 'Starting point', none: 'No starting point: oldest first', site: 'From a site:', sitePlaceholder: 'Type a building or parcel name',
      mapCentre: 'Use the map centre', noMapCentre: 'The map has no saved view yet', clear: 'Clear', chosen: 'From: {{name}} ({{lng}}, {{lat}})',
      pasted: 'pasted point', centre: 'map centre', noPosition: '“{{name}}” has no position yet and cannot be the starting point',
    },
    filter: { all: 'All', building: 'Buildings', parcel: 'Parcels' },
    columns: { site: 'Site', distance: 'Distance', age: 'Verified', parts: 'To check', actions: 'Actions' },
    kinds: { building: 'Building', parcel: 'Parcel' },
    count: '{{total}} to re-check', shown: ', nearest {{count}} shown',
    empty: 'Nothing to re-check: every building and parcel was verified within {{days}} days.',
    whole: 'whole building', wholeOnly: 'building details', floors: 'floors {{floors}}',
    noPosition: 'no position',
    actions: { building: 'Verify building', floor: 'Verify floor {{floor}}', parcel: 'Verified', marking: 'Saving…' },
    marked: 'Verified: {{name}}', markedFloor: 'Verified: {{name}} floor {{floor}}',
    freshness: {
      verifyBuilding: 'Verify building', verifyFloor: 'Verify floor', verifyParcel: 'Verify', verifying: 'Saving…',
      building: 'Building verified', oldest: 'Oldest part', stale: 'stale', verifiedToast: 'Verified ({{day}})', floor: 'Floor {{floor}}',
      hint: 'Click after confirming on site: today is recorded as the verified date.',
      column: 'Verified',
    },
    settings: {
      title: 'Verification', label: 'Stale after this many days without verification', unit: 'days', saved: 'Saved',
      hint: 'Buildings, spaces and parcels not verified on site for longer are shaded on the map, in lists and on sheets, and listed in the re-check queue. Default 90 days.',
    },
  },
} satisfies Messages
