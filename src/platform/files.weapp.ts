import Taro from '@tarojs/taro'
import type { ChosenFile, UploadAnswer, UploadOptions } from './types'

export type { ChosenFile, UploadAnswer, UploadOptions }

/** WeChat: the camera or the album, compressed by WeChat before upload. */
export async function choosePhotos(): Promise<ChosenFile[]> {
  const result = await Taro.chooseMedia({ count: 9, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return result.tempFiles.map((file, index) => ({ path: file.tempFilePath, name: `${index + 1}` }))
}

/** WeChat: a PDF from a chat (the only place a mini-program can take documents from). */
export async function choosePdfs(): Promise<ChosenFile[]> {
  const result = await Taro.chooseMessageFile({ count: 9, type: 'file', extension: ['pdf'] })
  return result.tempFiles.map((file) => ({ path: file.path, name: file.name }))
}

/** WeChat: Taro.uploadFile from the temporary path, with its progress events. */
export async function uploadChosenFile({ url, file, name, header, onProgress }: UploadOptions): Promise<UploadAnswer> {
  const task = Taro.uploadFile({ url, filePath: file.path, name, header })
  task.progress((event) => onProgress(event.progress))
  const response = await task
  return { statusCode: response.statusCode, data: response.data }
}
