// The versions of the texts a person agrees to when applying; the version agreed to is kept with the
// application. A new text gets a new version here (older versions stay listed while apps still show them).

/** 隐私保护指引 (the mini-program's privacy guide). */
export const PRIVACY_GUIDE_VERSIONS = ['2026-01'] as const
/** 敏感个人信息处理同意 (ID numbers, disability, health, income: what and why). */
export const SENSITIVE_INFO_CONSENT_VERSIONS = ['2026-01'] as const

export const CURRENT_PRIVACY_GUIDE_VERSION = PRIVACY_GUIDE_VERSIONS[PRIVACY_GUIDE_VERSIONS.length - 1]
export const CURRENT_SENSITIVE_INFO_CONSENT_VERSION = SENSITIVE_INFO_CONSENT_VERSIONS[SENSITIVE_INFO_CONSENT_VERSIONS.length - 1]
