import type { Messages } from '.'
import { VOCAB_ZH } from '../../../shared/labels'

// Strings shared by every screen; vocabulary labels (grades, statuses, land uses …) too, so that
// lists, forms and filters name things the same way.
export const common = {
  zh: {
    appName: '招商资源图',
    nav: { home: '总览', map: '地图', buildings: '楼宇', parcels: '地块', parks: '空中产业园', clusters: '楼宇聚集区', tenants: '入驻企业', settings: '设置' },
    actions: {
      save: '保存', cancel: '取消', edit: '编辑', delete: '删除', undo: '撤销', add: '新增', back: '返回',
      search: '搜索', close: '关闭', retry: '重试', saving: '保存中…', confirmDelete: '确定删除“{{name}}”吗？删除后可撤销。',
    },
    warnings: { title: '请确认', intro: '可以保存，但请先确认以下情况：', accept: '确认无误，保存', cancel: '返回修改' },
    state: { loading: '加载中…', empty: '暂无数据', error: '出错了：{{message}}', notFound: '找不到该记录', deleted: '已删除“{{name}}”', saved: '已保存' },
    demo: { badge: '演示数据', banner: '当前显示的是演示数据（依据公开报道编制，楼层与空置情况为虚构），仅供试用。', removeLink: '移除演示数据…' },
    search: { placeholder: '搜索楼宇、地块、园区、企业…', noResults: '没有找到“{{q}}”', kinds: { building: '楼宇', parcel: '地块', park: '园区', cluster: '聚集区', tenant: '企业' } },
    onboarding: {
      title: '欢迎使用招商资源图',
      body: '数据只保存在本机。可以先载入演示数据熟悉功能，也可以从空白开始录入本区的楼宇、地块和园区。',
      demo: '载入演示数据', empty: '从空白开始', loading: '正在载入演示数据…',
      name: '您的姓名（可选）', namePlaceholder: '如 张三', nameHint: '每次修改都会署上这个名字，便于同事知道是谁改的；以后可在“设置”中修改。',
    },
    language: { label: '界面语言', zh: '简体中文', en: 'English' },
    field: { required: '必填', notANumber: '“{{text}}”不是数字，请填写数字（如 1500），这一项暂不筛选' },
    figures: { areaInM2: '折合平方米' },
    date: { placeholder: '年-月-日', format: '日期按 年-月-日 填写，如 2025-06-01', pick: '从日历选择', pickShort: '日历' },
    coordinates: {
      label: '粘贴其他地图的坐标', system: '坐标来源', apply: '转换并填入',
      systems: { gcj02: '高德/腾讯（GCJ-02）', bd09: '百度（BD-09）', wgs84: 'GPS/天地图（WGS-84）' },
      converted: '已由{{from}}转换为 WGS-84：{{x}}, {{y}}', unreadable: '无法识别：请粘贴“经度, 纬度”两个数字',
    },
    yes: '是', no: '否', none: '—',
    units: { m2: 'm²', mu: '亩', rentDay: '元/m²·天', feeMonth: '元/m²·月', wan: '万', yi: '亿', yuan: '元', wanYuanPerMu: '万元/亩', yiYuan: '亿元' },
    vocab: VOCAB_ZH,
  },
  en: {
    appName: 'Site Atlas',
    nav: { home: 'Overview', map: 'Map', buildings: 'Buildings', parcels: 'Land parcels', parks: 'Sky parks', clusters: 'Clusters', tenants: 'Tenants', settings: 'Settings' },
    actions: {
      save: 'Save', cancel: 'Cancel', edit: 'Edit', delete: 'Delete', undo: 'Undo', add: 'Add', back: 'Back',
      search: 'Search', close: 'Close', retry: 'Retry', saving: 'Saving…', confirmDelete: 'Delete “{{name}}”? You can undo this.',
    },
    warnings: { title: 'Please confirm', intro: 'This can be saved, but please confirm first:', accept: 'Confirm and save', cancel: 'Go back' },
    state: { loading: 'Loading…', empty: 'Nothing here yet', error: 'Something went wrong: {{message}}', notFound: 'Not found', deleted: 'Deleted “{{name}}”', saved: 'Saved' },
    demo: { badge: 'Demo data', banner: 'You are looking at demo data (built from public reports; floors and vacancy are invented), for trying the app out.', removeLink: 'Remove demo data…' },
    search: { placeholder: 'Search buildings, parcels, parks, tenants…', noResults: 'Nothing found for “{{q}}”', kinds: { building: 'Building', parcel: 'Parcel', park: 'Park', cluster: 'Cluster', tenant: 'Tenant' } },
    onboarding: {
      title: 'Welcome to Site Atlas',
      body: 'Your data stays on this computer. Load the demo data to look around, or start empty and record your district’s buildings, parcels and parks.',
      demo: 'Load demo data', empty: 'Start empty', loading: 'Loading demo data…',
      name: 'Your name (optional)', namePlaceholder: 'e.g. Zhang San', nameHint: 'Every change is signed with it, so colleagues see who changed what; change it later in Settings.',
    },
    language: { label: 'Language', zh: '简体中文', en: 'English' },
    field: { required: 'Required', notANumber: '“{{text}}” is not a number: type digits (e.g. 1500); this range is not applied' },
    figures: { areaInM2: 'Same in m²' },
    date: { placeholder: 'YYYY-MM-DD', format: 'Dates are written year-month-day, e.g. 2025-06-01', pick: 'Pick from a calendar', pickShort: 'Calendar' },
    coordinates: {
      label: 'Paste a point from another map', system: 'Copied from', apply: 'Convert and fill in',
      systems: { gcj02: 'AMap/Tencent (GCJ-02)', bd09: 'Baidu (BD-09)', wgs84: 'GPS/Tianditu (WGS-84)' },
      converted: 'Converted from {{from}} to WGS-84: {{x}}, {{y}}', unreadable: 'Not readable: paste two numbers, “longitude, latitude”',
    },
    yes: 'Yes', no: 'No', none: '—',
    units: { m2: 'm²', mu: 'mu', rentDay: 'CNY/m²·day', feeMonth: 'CNY/m²·month', wan: '×10k', yi: '×100m', yuan: 'CNY', wanYuanPerMu: '10k CNY/mu', yiYuan: '100m CNY' },
    vocab: {
      grade: { super_a: 'Super grade A', a: 'Grade A', b: 'Grade B', c: 'Grade C' },
      buildingKind: { office: 'Office tower', complex: 'Complex', industrial: 'Industrial park / factory', stalled: 'Stalled project' },
      ownership: { whole: 'Held whole', strata: 'Strata-sold' },
      spaceStatus: { vacant: 'Vacant', leased: 'Leased', sold: 'Sold', owner_occupied: 'Owner-occupied', reserved: 'Reserved' },
      fitOut: { bare: 'Bare shell', basic: 'Basic', fitted: 'Fitted' },
      landUse: { residential: 'Residential', commercial: 'Commercial', mixed: 'Mixed use', industrial: 'Industrial', m0: 'Innovative industry (M0)', logistics: 'Logistics', public: 'Public facilities', other: 'Other' },
      parcelStatus: { reserve: 'Reserve', preparing: 'Preparing', listed: 'Listed for transfer', transferred: 'Transferred' },
      readiness: { cleared: 'Cleared', uncleared: 'Not cleared' },
      parkStatus: { planned: 'Planned', fitting_out: 'Being fitted out', operating: 'Operating' },
      industry: {
        A: 'A Agriculture', B: 'B Mining', C: 'C Manufacturing', D: 'D Utilities', E: 'E Construction', F: 'F Wholesale & retail',
        G: 'G Transport & logistics', H: 'H Hotels & catering', I: 'I Information technology', J: 'J Finance', K: 'K Real estate',
        L: 'L Leasing & business services', M: 'M Research & technical services', N: 'N Environment & public facilities',
        O: 'O Household services', P: 'P Education', Q: 'Q Health & social work', R: 'R Culture, sport & entertainment',
        S: 'S Public administration', T: 'T International organisations',
      },
    },
  },
} satisfies Messages
