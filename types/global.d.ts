/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5'
    /** WeChat app id; the tourist id when unset. */
    TARO_APP_ID?: string
    /** Base URL of the backend; on H5 the page's own origin when unset. */
    TARO_APP_API_BASE?: string
    /** WeChat subscribe-message template for status changes (审核进度通知); unset: no notification button. */
    TARO_APP_SUBSCRIBE_TEMPLATE_ID?: string
  }
}
