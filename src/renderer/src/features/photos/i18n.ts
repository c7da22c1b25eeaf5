import type { Messages } from '../../i18n'

export const messages = {
  zh: {
    title: '照片', add: '添加照片', adding: '正在保存照片…', empty: '还没有照片。把现场拍的照片拖到这里，或点“添加照片”（可一次选多张）。',
    count: '（{{count}} 张）',
    deleted: '已删除照片', remove: '删除照片',
    hint: 'JPEG、PNG 或 WebP，每张不超过 40 MB；保存时缩小到 2560 像素（360° 全景 8192 像素），读取拍摄时间和位置。',
    keepOriginal: '保留原图', keepOriginalHint: '同时保存未缩小的原始文件（数据文件会按原图大小增长）',
    dropHere: '松开鼠标，添加这些照片',
    tooLarge: '文件过大（{{mb}} MB），不能超过 40 MB',
    uploads: '正在添加的照片', dismiss: '关闭',
    state: { waiting: '等待中', sending: '上传中 {{percent}}%', processing: '正在处理…', done: '已添加', failed: '未添加' },
    open: '查看照片：{{name}}', close: '关闭', previous: '上一张', next: '下一张',
    takenAt: '拍摄于 {{at}}', noDate: '无拍摄时间', original: '下载原图', hasGps: '带拍摄位置',
    panoramaBadge: '360°', gpsBadge: '定位',
    panoramaHint: '360° 全景：拖动查看四周，滚轮缩放', panoramaLoading: '正在打开全景…', panoramaFailed: '全景无法显示（需要 WebGL）',
    psv: { zoom: '缩放', zoomOut: '缩小', zoomIn: '放大', moveUp: '向上', moveDown: '向下', moveLeft: '向左', moveRight: '向右', fullscreen: '全屏' },
    place: {
      title: '拍摄位置', noPosition: '该地点还没有坐标。', placeHere: '以照片位置定位', moveHere: '改用照片位置',
      near: '与现有位置相距 {{distance}}', far: '照片位置与{{site}}相距 {{distance}}', site: { building: '楼宇', parcel: '地块' }, done: '已按照片位置更新坐标',
    },
  },
  en: {
    title: 'Photos', add: 'Add photos', adding: 'Saving the photo…', empty: 'No photos yet. Drop photos taken on site here, or click "Add photos" (several at once).',
    count: '({{count}})',
    deleted: 'Photo deleted', remove: 'Delete photo',
    hint: 'JPEG, PNG or WebP, up to 40 MB each; kept at 2560 px (360° panoramas 8192 px), with the date and place taken.',
    keepOriginal: 'Keep originals', keepOriginalHint: 'Also keep the full-size file (the data file grows by its size)',
    dropHere: 'Drop to add these photos',
    tooLarge: 'File too large ({{mb}} MB); the limit is 40 MB',
    uploads: 'Photos being added', dismiss: 'Dismiss',
    state: { waiting: 'Waiting', sending: 'Uploading {{percent}}%', processing: 'Processing…', done: 'Added', failed: 'Not added' },
    open: 'View photo: {{name}}', close: 'Close', previous: 'Previous', next: 'Next',
    takenAt: 'Taken {{at}}', noDate: 'No date taken', original: 'Download original', hasGps: 'Has the place taken',
    panoramaBadge: '360°', gpsBadge: 'GPS',
    panoramaHint: '360° panorama: drag to look around, wheel to zoom', panoramaLoading: 'Opening the panorama…', panoramaFailed: 'The panorama cannot be shown (WebGL needed)',
    psv: { zoom: 'Zoom', zoomOut: 'Zoom out', zoomIn: 'Zoom in', moveUp: 'Up', moveDown: 'Down', moveLeft: 'Left', moveRight: 'Right', fullscreen: 'Full screen' },
    place: {
      title: 'Place taken', noPosition: 'This site has no position yet.', placeHere: 'Place the site here', moveHere: 'Use the photo position',
      near: '{{distance}} from the site position', far: 'The photo was taken {{distance}} from the {{site}}', site: { building: 'building', parcel: 'parcel' }, done: 'Position updated from the photo',
    },
  },
} satisfies Messages
