import i18n from '../../../../i18n'

// Strings of the annual targets tab, under the namespace 'statsTargets'; added when the tab's chunk
// is first loaded (i18n/index.ts gathers only features/*/i18n.ts).
export const messages = {
  zh: {
    year: '年度',
    yearOption: '{{year}} 年',
    thisYear: '回到今年',
    add: '新增目标',
    empty: '{{year}} 年还没有年度目标',
    emptyBody: '新增目标后，系统会自动统计能从数据中算出的完成情况，其余按月填报。',
    kinds: {
      new_above_scale_tenants: '新引进规上企业',
      leased_area: '新增出租面积',
      parcels_transferred: '出让地块',
      projects_signed: '签约项目',
      custom: '自定义指标',
    },
    columns: { name: '目标', target: '目标值', achieved: '已完成', completion: '完成率' },
    computed: '自动统计',
    entered: '按月填报',
    basis: '统计口径：{{basis}}',
    completionLabel: '完成 {{rate}}',
    exceeded: '超额完成',
    actions: { edit: '编辑', delete: '删除', progress: '按月进度', save: '保存', saving: '正在保存…', cancel: '取消' },
    dialog: {
      addTitle: '新增 {{year}} 年目标', editTitle: '编辑年度目标',
      kind: '指标', name: '名称', unit: '单位', unitHint: '如 亿元、个、人', targetValue: '目标值', notes: '备注', year: '年度', month: '月份', value: '完成值',
      computedHint: '完成值由系统按现有数据自动统计', enteredHint: '完成值按月填报',
    },
    deleteTitle: '删除目标', deleteMessage: '删除“{{name}}”？已填报的月度数据随目标保留，可在回收站恢复。', deleted: '已删除“{{name}}”',
    saved: '已保存',
    months: {
      title: '{{name}}：按月进度', entryTitle: '按月填报完成值（{{unit}}）', entryHint: '输入后按 Enter 或离开输入框即保存；清空即删除该月数据。',
      month: '{{n}}月', monthLabel: '{{year}} 年 {{n}} 月完成值', saved: '已保存 {{n}} 月：{{value}}', removed: '已清除 {{n}} 月',
      bad: '{{n}} 月：“{{text}}”应为不小于 0 的数字',
    },
    chart: { cumulative: '累计完成', target: '目标', monthly: '当月完成', month: '月份', fileName: '{{name}}-{{year}}年度进度' },
  },
  en: {
    year: 'Year',
    yearOption: '{{year}}',
    thisYear: 'Back to this year',
    add: 'Add target',
    empty: 'No targets for {{year}} yet',
    emptyBody: 'Once added, achieved is counted from the data where it can be, and entered by month elsewhere.',
    kinds: {
      new_above_scale_tenants: 'New above-scale tenants',
      leased_area: 'Newly leased area',
      parcels_transferred: 'Parcels transferred',
      projects_signed: 'Projects signed',
      custom: 'Custom target',
    },
    columns: { name: 'Target', target: 'Target', achieved: 'Achieved', completion: 'Completion' },
    computed: 'Counted',
    entered: 'Entered by month',
    basis: 'How it is counted: {{basis}}',
    // English for the server's Chinese sentences (services/targets/rows.ts TARGET_BASIS): keep them saying the same.
    basisText: {
      new_above_scale_tenants: 'Above-scale tenants moving into a building for the first time this year, up to today: counted in the month of the earliest start date among their leases; a tenant with an earlier lease is not new, and leases starting after today are not counted yet',
      leased_area: 'Area of leases started this year, up to today: counted in the month of the start date; renewals are not counted, and leases starting after today are not counted yet',
      parcels_transferred: 'Parcels whose status was changed to transferred this year: counted in the month the change log records the change; a parcel entered or imported as already transferred has no transfer date and is not counted',
      projects_signed: 'Sum of the projects signed entered month by month',
      custom: 'Sum of the values entered month by month',
    },
    completionLabel: '{{rate}} done',
    exceeded: 'Exceeded',
    actions: { edit: 'Edit', delete: 'Delete', progress: 'By month', save: 'Save', saving: 'Saving…', cancel: 'Cancel' },
    dialog: {
      addTitle: 'Add a target for {{year}}', editTitle: 'Edit annual target',
      kind: 'Measure', name: 'Name', unit: 'Unit', unitHint: 'e.g. 亿元, projects, people', targetValue: 'Target', notes: 'Notes', year: 'Year', month: 'Month', value: 'Achieved',
      computedHint: 'Achieved is counted from the data', enteredHint: 'Achieved is entered by month',
    },
    deleteTitle: 'Delete target', deleteMessage: 'Delete “{{name}}”? Its monthly entries stay with it; it can be restored from the trash.', deleted: 'Deleted “{{name}}”',
    saved: 'Saved',
    months: {
      title: '{{name}}: by month', entryTitle: 'Achieved by month ({{unit}})', entryHint: 'Saved on Enter or when leaving the box; empty removes the month.',
      month: 'M{{n}}', monthLabel: 'Achieved in {{year}}-{{n}}', saved: 'Saved month {{n}}: {{value}}', removed: 'Cleared month {{n}}',
      bad: 'Month {{n}}: “{{text}}” should be a number of 0 or more',
    },
    chart: { cumulative: 'Cumulative', target: 'Target', monthly: 'In the month', month: 'Month', fileName: '{{name}}-{{year}}-progress' },
  },
}

for (const lang of ['zh', 'en'] as const) {
  if (!i18n.hasResourceBundle(lang, 'statsTargets')) i18n.addResourceBundle(lang, 'statsTargets', messages[lang])
}
