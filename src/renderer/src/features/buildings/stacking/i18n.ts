import i18n from '../../../i18n'

// Strings of the stacking plan and the keyboard grid, under the namespace 'stacking'. They live
// beside their code; i18n/index.ts gathers only features/*/i18n.ts, so this module adds its own
// bundle when first imported (the building screen's chunk).
export const messages = {
  zh: {
    views: { label: '空间视图', plan: '楼宇剖面', table: '表格', grid: '逐层录入' },
    legend: { title: '图例', ending6: '6 个月内到期', ending12: '12 个月内到期', block: '最大连续空置' },
    plan: {
      verify: '核实', verifyStale: '待复核',
      title: '楼宇剖面', empty: '还没有楼层或单元：先“生成楼层”，或切换到表格逐个新增。',
      block: '最大连续空置 {{area}}（{{floors}} 层）', noBlock: '没有空置面积',
      floor: '{{floor}} 层', floorSummary: '{{floor}} 层，{{count}} 个空间，{{area}}，空置 {{vacant}}',
      emptyFloor: '未录入', blockTitle: '{{floor}} 层 {{unit}} · {{area}} · {{status}}{{tenant}}{{ending}}',
      endingOn: ' · {{date}} 到期', hint: '点击单元编辑；按住 Ctrl（⌘）点选单元可拆分或合并；点击楼层号选楼层，Shift 点击选一段。',
    },
    select: {
      range: '选择楼层', rangePlaceholder: '如 12-18', apply: '选中', clear: '取消选择',
      floors: '已选 {{count}} 层：{{floors}}', spaces: '已选 {{count}} 个单元', rangeInvalid: '楼层：“{{text}}”不是楼层或楼层范围，应如 12-18、B2-3',
      status: '整层设为', setStatus: '设置状态', leaseTo: '整层出租给', tenantPlaceholder: '输入企业名称', endDate: '到期日期',
      lease: '出租', newTenant: '新建“{{name}}”并出租', copyTo: '复制本层布局到', copyPlaceholder: '如 13-20', copy: '复制',
      split: '拆分', merge: '合并', chooseTenant: '请输入或选择企业', tooManySpaces: '租赁空间：一份租约最多 {{max}} 个空间（所选楼层共 {{count}} 个），请分几份租约出租',
      setDone: '已把 {{count}} 个空间设为“{{status}}”', leaseDone: '已把 {{floors}} 层出租给“{{tenant}}”', copyDone: '已复制到 {{count}} 层',
      mergeDone: '已合并为 {{unit}}', splitDone: '已拆分为 {{a}} 和 {{b}}',
    },
    split: { title: '拆分空间', of: '把 {{floor}} 层 {{unit}}（{{area}}）拆成两部分', first: '第一部分', second: '第二部分', area: '面积', unit: '单元', sum: '两部分之和应为 {{area}}' },
    undo: { action: '撤销：{{what}}', empty: '没有可撤销的修改', done: '已撤销：{{what}}', status: '{{floor}} 层 {{unit}} 改为“{{status}}”', area: '{{floor}} 层 {{unit}} 面积改为 {{area}}', bulk: '{{count}} 个空间改为“{{status}}”', split: '拆分 {{unit}}', merge: '合并为 {{unit}}', failed: '未能撤销“{{what}}”：{{reason}}（已从撤销列表移除）' },
    generate: {
      title: '生成楼层', hint: '一步生成多层的单元（只生成还没有空间的楼层），再用键盘逐层录入。',
      fromFloor: '起始楼层', toFloor: '结束楼层', unitsPerFloor: '每层单元数', typicalArea: '单元面积', submit: '生成楼层',
      done: '已生成 {{count}} 个单元', working: '正在生成…',
    },
    grid: {
      title: '逐层录入', label: '逐层录入表：行是楼层，列是单元', hint: '方向键移动；键入状态字母或面积数字；Enter 编辑/确认，Esc 取消；Ctrl+Z 撤销；V 核实本层。离开改过的楼层即记为已核实。',
      floor: '楼层', unit: '单元 {{n}}', cell: '{{floor}} 层 {{unit}}，{{status}}，{{area}}', noSpace: '{{floor}} 层第 {{n}} 格：无单元',
      editArea: '{{floor}} 层 {{unit}} 面积（m²）', saved: '已保存：{{what}}', verified: '{{floor}} 层已核实', empty: '没有单元：先生成楼层。',
      keys: '状态键', badArea: '面积：“{{text}}”应为大于 0 的数字',
    },
  },
  en: {
    views: { label: 'Spaces view', plan: 'Stacking plan', table: 'Table', grid: 'Floor walk' },
    legend: { title: 'Legend', ending6: 'Lease ends within 6 months', ending12: 'Lease ends within 12 months', block: 'Largest contiguous vacancy' },
    plan: {
      verify: 'Verify', verifyStale: 'Re-check',
      title: 'Stacking plan', empty: 'No floors or units yet: use “Generate floors”, or switch to the table to add them one by one.',
      block: 'Largest contiguous vacancy {{area}} (floor {{floors}})', noBlock: 'Nothing vacant',
      floor: 'Floor {{floor}}', floorSummary: 'Floor {{floor}}, {{count}} spaces, {{area}}, vacant {{vacant}}',
      emptyFloor: 'Not recorded', blockTitle: 'Floor {{floor}} {{unit}} · {{area}} · {{status}}{{tenant}}{{ending}}',
      endingOn: ' · ends {{date}}', hint: 'Click a unit to edit it; Ctrl (⌘)-click units to split or merge them; click a floor number to select floors, Shift-click for a run.',
    },
    select: {
      range: 'Select floors', rangePlaceholder: 'e.g. 12-18', apply: 'Select', clear: 'Clear selection',
      floors: '{{count}} floor(s) selected: {{floors}}', spaces: '{{count}} unit(s) selected', rangeInvalid: 'Floors: “{{text}}” is not a floor or a run of floors, e.g. 12-18, B2-3',
      status: 'Set whole floors to', setStatus: 'Set status', leaseTo: 'Lease whole floors to', tenantPlaceholder: 'Company name', endDate: 'End date',
      lease: 'Lease', newTenant: 'Create “{{name}}” and lease', copyTo: 'Copy this floor’s layout to', copyPlaceholder: 'e.g. 13-20', copy: 'Copy',
      split: 'Split', merge: 'Merge', chooseTenant: 'Type or choose a company', tooManySpaces: 'Leased spaces: one lease covers at most {{max}} spaces (the chosen floors have {{count}}); lease them in several leases',
      setDone: '{{count}} spaces set to “{{status}}”', leaseDone: 'Floors {{floors}} leased to “{{tenant}}”', copyDone: 'Copied to {{count}} floors',
      mergeDone: 'Merged into {{unit}}', splitDone: 'Split into {{a}} and {{b}}',
    },
    split: { title: 'Split a space', of: 'Split floor {{floor}} {{unit}} ({{area}}) in two', first: 'First part', second: 'Second part', area: 'Area', unit: 'Unit', sum: 'The parts must add up to {{area}}' },
    undo: { action: 'Undo: {{what}}', empty: 'Nothing to undo', done: 'Undone: {{what}}', status: 'floor {{floor}} {{unit}} set to “{{status}}”', area: 'floor {{floor}} {{unit}} area set to {{area}}', bulk: '{{count}} spaces set to “{{status}}”', split: 'split {{unit}}', merge: 'merged into {{unit}}', failed: 'Could not undo “{{what}}”: {{reason}} (removed from the undo list)' },
    generate: {
      title: 'Generate floors', hint: 'Make the units of many floors in one step (only floors with no space yet), then walk them with the keyboard.',
      fromFloor: 'From floor', toFloor: 'To floor', unitsPerFloor: 'Units per floor', typicalArea: 'Unit area', submit: 'Generate floors',
      done: '{{count}} units generated', working: 'Generating…',
    },
    grid: {
      title: 'Floor walk', label: 'Floor walk grid: rows are floors, columns are units', hint: 'Arrows move; type a status letter or an area; Enter edits/commits, Esc cancels; Ctrl+Z undoes; V marks the floor verified. Leaving a floor you changed marks it verified.',
      floor: 'Floor', unit: 'Unit {{n}}', cell: 'Floor {{floor}} {{unit}}, {{status}}, {{area}}', noSpace: 'Floor {{floor}} cell {{n}}: no unit',
      editArea: 'Floor {{floor}} {{unit}} area (m²)', saved: 'Saved: {{what}}', verified: 'Floor {{floor}} verified', empty: 'No units: generate floors first.',
      keys: 'Status keys', badArea: 'Area: “{{text}}” should be a number above 0',
    },
  },
}

for (const lang of ['zh', 'en'] as const) {
  if (!i18n.hasResourceBundle(lang, 'stacking')) i18n.addResourceBundle(lang, 'stacking', messages[lang])
}

/** The status typed as one letter in the grid (pinyin initials: 空置 K, 租 Z, 售 S, 用 Y, 向 X). */
export const STATUS_KEYS = { K: 'vacant', Z: 'leased', S: 'sold', Y: 'owner_occupied', X: 'reserved' } as const
