export default defineAppConfig({
  pages: ['pages/index/index', 'pages/care/index', 'pages/applications/index', 'pages/me/index'],
  // Journeys load on demand as subpackages; each issue adds its own.
  subPackages: [
    { root: 'subpackages/info', pages: ['privacy/index', 'about/index'] },
    { root: 'subpackages/screening', pages: ['question/index', 'results/index'] },
    { root: 'subpackages/care', pages: ['detail/index'] },
    { root: 'subpackages/apply', pages: ['form/index', 'success/index'] },
    { root: 'subpackages/track', pages: ['detail/index', 'accept/index'] },
  ],
  window: {
    navigationBarTitleText: '晋心助手',
    navigationBarBackgroundColor: '#1a56b0',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4e5969',
    selectedColor: '#1a56b0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/care/index', text: '找服务', iconPath: 'assets/tabbar/care.png', selectedIconPath: 'assets/tabbar/care-active.png' },
      { pagePath: 'pages/applications/index', text: '我的申请', iconPath: 'assets/tabbar/applications.png', selectedIconPath: 'assets/tabbar/applications-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  // The care finder asks for an approximate location to sort services by distance.
  requiredPrivateInfos: ['getFuzzyLocation'],
  permission: {
    'scope.userFuzzyLocation': { desc: '用于查找离您最近的老年食堂、日间照料中心和养老机构' },
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
})
