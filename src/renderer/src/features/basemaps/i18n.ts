import type { Messages } from '../../i18n'

// Strings of basemaps: the settings section, the map's basemap switch and area downloads.
export const messages = {
  zh: {
    title: '底图', builtin: '行政区划图（内置）', builtinHint: '内置的全国区县界线图，无需网络，首次启动即可使用。',
    hint: '底图只保存在本机。导入离线地图包（.mbtiles 或 .pmtiles 栅格瓦片），或添加在线瓦片地址（联网时浏览过的瓦片会缓存在本机，离线时仍可使用）。',
    crs: { wgs84: 'WGS-84（天地图、GPS）', gcj02: 'GCJ-02（高德、腾讯）' },
    crsShort: { wgs84: 'WGS-84', gcj02: 'GCJ-02' },
    kind: { mbtiles: 'MBTiles 地图包', pmtiles: 'PMTiles 地图包', xyz: '在线瓦片（缓存）' },
    columns: { name: '名称', kind: '类型', crs: '坐标系', zoom: '级别', size: '占用空间', active: '使用中' },
    zoomRange: '{{min}}–{{max}} 级', cached: '已缓存 {{tiles}} 张', use: '使用', inUse: '使用中', remove: '删除',
    removeTitle: '删除底图', removeConfirm: '删除“{{name}}”？本机中的地图包副本或瓦片缓存（{{size}}）将被删除，不能撤销。', removed: '已删除底图“{{name}}”',
    import: {
      title: '导入离线地图包', file: '地图包文件', name: '名称（可选）', crs: '坐标系', submit: '导入', progress: '正在上传 {{percent}}%',
      importing: '正在检查并导入…', done: '已导入“{{name}}”', crsHint: '从高德、腾讯地图下载的瓦片是 GCJ-02；天地图、OpenStreetMap 是 WGS-84。选错会让所有标记偏移几百米。',
      chooseFile: '请选择 .mbtiles 或 .pmtiles 文件', choose: '选择文件…', noFile: '未选择文件',
    },
    online: {
      title: '添加在线瓦片地址', name: '名称', urlTemplate: '地址模板', crs: '坐标系', minZoom: '最小级别', maxZoom: '最大级别', attribution: '版权说明',
      submit: '添加', added: '已添加“{{name}}”',
      hint: '如天地图影像：https://t{switch:0,1,2,3,4,5,6,7}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=您的服务端密钥。瓦片由本机程序下载并缓存。',
    },
    download: {
      action: '下载此区域', title: '下载当前区域供离线使用', area: '范围：当前地图视野', zooms: '级别 {{min}} 到', estimate: '约 {{tiles}} 张瓦片，其中已缓存 {{cached}} 张，需下载约 {{size}}',
      start: '开始下载', cancel: '取消下载', close: '关闭', progress: '{{done}} / {{total}} 张 · {{size}}', done: '下载完成：{{done}} 张，失败 {{failed}} 张',
      failed: '下载失败：{{message}}', cancelled: '已取消下载', tooMany: '瓦片过多，请缩小范围或降低最大级别',
    },
    switcher: { label: '底图', howTo: '获取街道底图' },
    ways: {
      title: '获得街道底图的三种方式',
      package: '导入离线地图包：向测绘或信息中心要一份本地区的 .mbtiles 或 .pmtiles 栅格瓦片文件，在下方“导入离线地图包”中导入，完全不需联网。',
      online: '添加在线瓦片地址（如天地图，需自行申请密钥）：联网时浏览过的瓦片会自动缓存在本机，之后离线仍可显示。',
      area: '下载区域：选用在线底图后，在地图上移到要用的区域，点底图旁的“下载此区域”，把该范围各级瓦片一次存到本机。',
    },
  },
  en: {
    title: 'Basemaps', builtin: 'District map (built in)', builtinHint: 'The built-in map of district boundaries for all of China; works offline from the first start.',
    hint: 'Basemaps stay on this computer. Import an offline package (.mbtiles or .pmtiles raster tiles) or add an online tile address (tiles seen while online are cached for offline use).',
    crs: { wgs84: 'WGS-84 (Tianditu, GPS)', gcj02: 'GCJ-02 (AMap, Tencent)' },
    crsShort: { wgs84: 'WGS-84', gcj02: 'GCJ-02' },
    kind: { mbtiles: 'MBTiles package', pmtiles: 'PMTiles package', xyz: 'Online tiles (cached)' },
    columns: { name: 'Name', kind: 'Kind', crs: 'Coordinates', zoom: 'Zoom', size: 'Disk', active: 'In use' },
    zoomRange: 'z{{min}}–{{max}}', cached: '{{tiles}} tiles cached', use: 'Use', inUse: 'In use', remove: 'Remove',
    removeTitle: 'Remove basemap', removeConfirm: 'Remove “{{name}}”? Its package copy or tile cache ({{size}}) on this computer is deleted; this cannot be undone.', removed: 'Removed basemap “{{name}}”',
    import: {
      title: 'Import an offline package', file: 'Package file', name: 'Name (optional)', crs: 'Coordinates', submit: 'Import', progress: 'Uploading {{percent}}%',
      importing: 'Checking and importing…', done: 'Imported “{{name}}”', crsHint: 'Tiles from AMap or Tencent are GCJ-02; Tianditu and OpenStreetMap are WGS-84. The wrong choice puts every marker a few hundred metres off.',
      chooseFile: 'Choose a .mbtiles or .pmtiles file', choose: 'Choose a file…', noFile: 'No file chosen',
    },
    online: {
      title: 'Add an online tile address', name: 'Name', urlTemplate: 'URL template', crs: 'Coordinates', minZoom: 'Min zoom', maxZoom: 'Max zoom', attribution: 'Attribution',
      submit: 'Add', added: 'Added “{{name}}”',
      hint: 'E.g. Tianditu imagery: https://t{switch:0,1,2,3,4,5,6,7}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=YOUR_SERVER_KEY. Tiles are fetched and cached by the app.',
    },
    download: {
      action: 'Download this area', title: 'Download the current view for offline use', area: 'Area: the current map view', zooms: 'Zoom {{min}} to', estimate: 'About {{tiles}} tiles, {{cached}} already cached; about {{size}} to download',
      start: 'Start download', cancel: 'Cancel download', close: 'Close', progress: '{{done}} / {{total}} tiles · {{size}}', done: 'Done: {{done}} tiles, {{failed}} failed',
      failed: 'Download failed: {{message}}', cancelled: 'Download cancelled', tooMany: 'Too many tiles: make the area smaller or lower the max zoom',
    },
    switcher: { label: 'Basemap', howTo: 'Get a street map' },
    ways: {
      title: 'Three ways to get a street map',
      package: 'Import an offline package: ask your surveying or information centre for an .mbtiles or .pmtiles raster tile file of your area and import it below under “Import an offline package”; no network needed.',
      online: 'Add an online tile address (e.g. Tianditu, with your own key): tiles seen while online are cached on this computer and still show offline.',
      area: 'Download an area: with an online basemap chosen, move the map to the area you need and click “Download this area” beside the basemap switch to save all its zoom levels at once.',
    },
  },
} satisfies Messages
