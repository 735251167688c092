export default definePageConfig({ navigationBarTitleText: '晋心助手' })
