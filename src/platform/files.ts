import Taro from '@tarojs/taro'
import type { ChosenFile, UploadAnswer, UploadOptions } from './types'

export type { ChosenFile, UploadAnswer, UploadOptions }

/** On the web: the browser's file picker (an <input type=file>) through Taro.chooseImage. */
export async function choosePhotos(): Promise<ChosenFile[]> {
  const result = await Taro.chooseImage({ count: 9, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return result.tempFilePaths.map((path, index) => {
    const original = result.tempFiles[index]?.originalFileObj
    return { path, name: original?.name ?? `${index + 1}`, blob: original }
  })
}

/** PDFs on the web come through the same picker. */
export const choosePdfs = choosePhotos

/** multipart/form-data with the File itself, reporting progress. */
export function uploadChosenFile({ url, file, name, header, onProgress }: UploadOptions): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const form = new FormData()
    if (!file.blob) {
      reject(new Error('no file'))
      return
    }
    form.append(name, file.blob, file.name)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    for (const [key, value] of Object.entries(header)) xhr.setRequestHeader(key, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onload = () => resolve({ statusCode: xhr.status, data: xhr.responseText })
    xhr.onerror = () => reject(new Error('network'))
    xhr.ontimeout = () => reject(new Error('timeout'))
    xhr.send(form)
  })
}
