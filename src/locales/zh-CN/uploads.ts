/** Uploading document photos and PDFs: the application and the supplements a reviewer asks for. */
export const uploads = {
  uploads: {
    choose: '拍照或选择图片',
    chooseFile: '选择 PDF 文件',
    uploading: '正在上传 {percent}%',
    failed: '上传失败，请重试',
    signInFailed: '登录失败，请稍后再试',
    retry: '重试',
    remove: '删除',
    fileName: '文件 {n}',
  },
} as const
