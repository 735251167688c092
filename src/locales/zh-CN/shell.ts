/** 简体中文: the app shell — home, tabs, 我的, privacy guide, errors and common words. */
export const shell = {
  app: {
    name: '晋心助手',
    tagline: '山西社会救助 · 一次申请，分类审核',
  },
  tabs: { home: '首页', care: '找服务', applications: '我的申请', me: '我的' },
  home: {
    greeting: '您好，有什么可以帮您？',
    entries: {
      screening: { title: '查资格', body: '回答几个问题，看看可能符合哪些补助' },
      apply: { title: '一次申请', body: '一次填写，同时申请多项补助' },
      track: { title: '查进度', body: '看看每项补助审核到哪一步了' },
      care: { title: '找服务', body: '附近的老年食堂、日间照料和养老院' },
    },
    hotline: {
      title: '拿不准？打电话问问',
      body: '12345 政务服务便民热线，可咨询社会救助政策',
      number: '12345',
      call: '拨打 12345',
    },
    comingSoon: '更多服务正在建设中，敬请期待。',
  },
  care: {
    title: '找养老服务',
  },
  me: {
    title: '我的',
    elderMode: '关怀模式',
    elderModeHint: '字更大、按钮更大，页面更简洁',
    language: '语言',
    languageName: '简体中文',
    languageHint: '其他语言将陆续提供',
    privacy: '隐私保护指引',
    privacyHint: '我们收集什么、为什么、保存多久',
    about: '关于晋心助手',
  },
  privacy: {
    title: '隐私保护指引',
    intro: '晋心助手只收集办理社会救助所必需的信息，并尽量少收集。',
    sections: [
      {
        heading: '查资格：不收集',
        body: '自测资格时您填写的家庭情况只保存在您的手机上，用于计算结果，不会上传，也不需要登录。',
      },
      {
        heading: '申请：为审核而收集',
        body: '提交申请时，我们收集申请人和家庭成员的姓名、身份证号码、手机号码、住址、收入和财产、残疾与健康状况以及证明材料，只用于民政部门审核认定救助资格。身份证号码加密保存，页面和记录中只显示部分数字。',
      },
      {
        heading: '找服务：位置只用一次',
        body: '查找附近的养老服务时，经您同意后获取大致位置，只用于计算距离，不保存。不同意也可以手动选择所在城市和区县。',
      },
      {
        heading: '保存多久',
        body: '未提交的申请草稿保存 90 天；已提交的申请按社会救助档案管理规定保存。您可以随时撤回尚未审核完成的申请。',
      },
      {
        heading: '谁能看到',
        body: '只有您本人、您邀请的家人（只能查看，敏感信息已遮挡）和负责审核的民政工作人员能看到您的申请。',
      },
    ],
    contact: '如有疑问，可拨打 12345 政务服务便民热线。',
  },
  about: {
    title: '关于晋心助手',
    body: '晋心助手是山西“晋心救助”一站式社会救助平台的居民自助入口：查资格、一次申请、查进度、找养老服务。',
    disclaimer: '自测结果仅供参考，以民政部门审核认定为准。',
    version: '版本',
  },
  privacyDialog: {
    title: '需要您的同意',
    body: '为了提供服务，我们需要按照《隐私保护指引》使用您的信息。同意后才能继续这一步。',
    agree: '同意并继续',
    disagree: '不同意',
    readGuide: '查看隐私保护指引',
  },
  errors: {
    network: '网络不太好，请检查网络后再试。您填写的内容已保留。',
    timeout: '等待时间太长了，请稍后再试。您填写的内容已保留。',
    server: '服务暂时出了问题，请稍后再试。您填写的内容已保留。',
    unauthorized: '登录已过期，请重新进入。',
    invalid: '有些内容需要修改，请查看标出的地方。',
    rateLimited: '操作太频繁了，请稍等一会儿再试。',
    notFound: '没有找到相关内容。',
  },
  common: {
    back: '返回',
    continue: '继续',
    notSure: '不确定',
    optional: '（可选）',
    retry: '重试',
    loading: '正在加载…',
  },
} as const
