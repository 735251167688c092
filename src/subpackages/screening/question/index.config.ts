export default definePageConfig({ navigationBarTitleText: '查资格' })
