import type { Messages } from '../../i18n'

// Strings of the trash (回收站): every deleted row, restorable.
export const messages = {
  zh: {
    nav: '回收站',
    title: '回收站',
    subtitle: '删除的楼宇、空间、企业、租约、地块、园区等都在这里，可以恢复。',
    count: '共 {{count}} 项',
    filters: { kind: '类型', anyKind: '全部类型', q: '名称', clear: '清除筛选' },
    columns: { kind: '类型', name: '名称', deletedBy: '删除人', deletedAt: '删除时间', actions: '操作' },
    kinds: {
      buildings: '楼宇', spaces: '空间', tenants: '企业', leases: '租约', parcels: '地块', parks: '园区', clusters: '聚集区',
      visits: '接洽记录', photos: '照片', savedSearches: '保存的查询', targets: '年度目标',
    },
    restore: '恢复', restoring: '正在恢复…', restored: '已恢复{{kind}}“{{name}}”',
    unknownActor: '—',
    empty: '回收站是空的。', emptyBody: '删除的内容会先放在这里，随时可以恢复。', noMatch: '没有符合条件的已删除内容。',
  },
  en: {
    nav: 'Trash',
    title: 'Trash',
    subtitle: 'Deleted buildings, spaces, tenants, leases, parcels, parks and more, ready to restore.',
    count: '{{count}} items',
    filters: { kind: 'Kind', anyKind: 'All kinds', q: 'Name', clear: 'Clear filters' },
    columns: { kind: 'Kind', name: 'Name', deletedBy: 'Deleted by', deletedAt: 'Deleted', actions: 'Actions' },
    kinds: {
      buildings: 'Building', spaces: 'Space', tenants: 'Tenant', leases: 'Lease', parcels: 'Parcel', parks: 'Park', clusters: 'Cluster',
      visits: 'Visit', photos: 'Photo', savedSearches: 'Saved search', targets: 'Annual target',
    },
    restore: 'Restore', restoring: 'Restoring…', restored: 'Restored {{kind}} “{{name}}”',
    unknownActor: '—',
    empty: 'The trash is empty.', emptyBody: 'Deleted items wait here and can be restored at any time.', noMatch: 'No deleted items match.',
  },
} satisfies Messages
