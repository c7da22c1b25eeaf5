import type { Messages } from '../../i18n'

export const messages = {
  zh: {
    title: '照片', add: '添加照片', adding: '正在保存照片…', empty: '还没有照片。现场拍的照片可以帮助投资人了解这里。',
    deleted: '已删除照片', remove: '删除照片', hint: 'JPEG、PNG 或 WebP，每张不超过 15 MB，保存在数据文件中。',
  },
  en: {
    title: 'Photos', add: 'Add photos', adding: 'Saving the photo…', empty: 'No photos yet. Photos taken on site help investors picture the place.',
    deleted: 'Photo deleted', remove: 'Delete photo', hint: 'JPEG, PNG or WebP, up to 15 MB each, kept in the data file.',
  },
} satisfies Messages
