import i18n from 'i18next'
import type { Messages } from '../../../i18n'

// The buildings tab's own strings, under the namespace 'statsBuildings' (the figure names are
// shared, in ../i18n.ts under 'stats').
const messages = {
  zh: {
    grouping: '分组',
    all: '全部楼宇',
    chartTitle: '按{{group}}统计',
    vacant: '空置面积', leased: '已租面积', reserved: '预留面积',
    drillHint: '点击行或柱形逐级查看',
    openBuilding: '楼宇详情',
    scopeAll: '统计范围：全部楼宇',
    scopeMapAll: '地图当前没有筛选条件：统计全部楼宇',
    scopeMap: '已按地图筛选（{{what}}）：{{buildings}} 栋楼宇',
    conditions: '{{count}} 项条件',
    area: '已画范围',
    readingMap: '正在读取地图筛选…',
    noRows: '这一范围内没有楼宇',
    back: '返回上一级',
    fileName: '楼宇统计',
    // Grouped by sky park, each host building counts whole (all its floors); the sky-park tab counts the parks' own floors.
    parkGrouping: '产业园所在楼宇（整栋）',
    parkNote: '按产业园所在楼宇整栋统计；各园区自身楼层的面积与出租率见“空中产业园”页签。',
  },
  en: {
    grouping: 'Group by',
    all: 'All buildings',
    chartTitle: 'By {{group}}',
    vacant: 'Vacant', leased: 'Leased', reserved: 'Reserved',
    drillHint: 'Click a row or a bar to look inside',
    openBuilding: 'Open building',
    scopeAll: 'Covering every building',
    scopeMapAll: 'The map has no filter: covering every building',
    scopeMap: 'Following the map ({{what}}): {{buildings}} buildings',
    conditions: '{{count}} conditions',
    area: 'a drawn area',
    readingMap: "Reading the map's filter…",
    noRows: 'No buildings here',
    back: 'Up one level',
    fileName: 'Building statistics',
    parkGrouping: 'Sky parks’ host buildings (whole)',
    parkNote: 'Host buildings are counted whole here; the parks’ own floors are counted in the Sky parks tab.',
  },
} satisfies Messages

for (const lang of ['zh', 'en'] as const) {
  if (!i18n.hasResourceBundle(lang, 'statsBuildings')) i18n.addResourceBundle(lang, 'statsBuildings', messages[lang])
}
