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
  }
}
