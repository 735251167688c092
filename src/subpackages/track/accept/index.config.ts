export default definePageConfig({ navigationBarTitleText: '关注家人的申请' })
