export default definePageConfig({ navigationBarTitleText: '关于晋心助手' })
