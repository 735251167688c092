// WeChat DevTools imports the repository root, whose project.config.json names the tourist app id. A weapp
// build with TARO_APP_ID writes that id into project.private.config.json (git-ignored), whose fields DevTools
// takes over project.config.json's; a build without it takes the id out again. Other private settings stay.
const fs = require('fs')
const path = require('path')

module.exports = (ctx) => {
  ctx.onBuildStart(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    const file = path.join(ctx.paths.appPath, 'project.private.config.json')
    let settings = {}
    try {
      settings = JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch {
      // No private settings yet.
    }
    const appid = process.env.TARO_APP_ID
    if (appid) settings.appid = appid
    else if ('appid' in settings) delete settings.appid
    else return
    fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`)
  })
}
