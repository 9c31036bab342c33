/**
 * Boilerplate that download sites and government web pages wrap around a plan. Each rule names
 * what it removes and matches a WHOLE line (after trimming), so a sentence of the plan that merely
 * mentions 下载 or 本站 is never touched. Samples come from the seeds and from pasted pages.
 */
export interface BoilerplateRule {
  name: string;
  pattern: RegExp;
  /**
   * The line is removed only next to other boilerplate (the line before it was removed too).
   * For lines whose words a plan may also use: a numbered tip of a download site reads like a
   * numbered task ("12.各街道办事处：……绿色账户积分……"), and only its neighbours tell them apart.
   */
  inContext?: boolean;
}

export const boilerplateRules: BoilerplateRule[] = [
  // Download sites (seed 001): "资源ID:174391", "资源大小:23.06KB", "全文页数:22页", "- 资源格式: DOCX",
  // "下载积分:5金币", "友情提示", lone "-" or "|", and the file name "XX实施方案.docx".
  { name: '下载站资源信息', pattern: /^-?\s*(资源ID|资源大小|全文页数|资源格式|下载积分|文档格式|文档页数|上传时间|上传者)\s*[:：]/ },
  { name: '下载站提示', pattern: /^(友情提示|温馨提示|下载提示)[:：]?$/ },
  {
    name: '下载站提示',
    // "2、PDF文件下载后,可能会被浏览器默认打开…", "3、本站不支持迅雷下载…": only under 友情提示 or
    // another tip, never a plan's task that happens to mention 积分 or 下载.
    pattern: /^\d+[、.．]\s*.*(本站|迅雷|浏览器|下载后|试题试卷|水印|金币|积分).*$/,
    inContext: true,
  },
  { name: '分隔符', pattern: /^[-|_=*~·•]+$/ },
  // "XX实施方案.docx" or a page's "附件1-5.docx" alone on its line; not "附件：1.重点项目清单.docx",
  // "附件1：沅溪市重点项目清单.docx" or "附件2.分工表.pdf", which name an attachment.
  { name: '文件名', pattern: /^(?!附\s*件\s*\d*\s*[:：.．、])\S.{0,80}\.(docx?|pdf|wps|txt)$/i },
  // Web pages (seed 003 and pasted government pages).
  { name: '网页导航', pattern: /^(导航菜单|首页|网站首页|当前位置|您当前的位置|您现在的位置)([:：>＞\s].*)?$/ },
  // "首页 > 新闻中心 > 通知公告": not a line with HTML in it ("<tr><td>1</td>…" is a table row).
  { name: '网页导航', pattern: /^(?!.*<\/?[a-z]).{0,12}[>＞»](.{1,12}[>＞»]){1,}.{0,20}$/i },
  {
    name: '网页信息栏',
    // "发布时间：2022-05-10 来源：市生态环境局 字号：大 中 小"
    pattern: /^(发布时间|发布日期|时间|来源|作者|字号|浏览次数|点击数|阅读次数|责任编辑|编辑)\s*[:：].*(来源|字号|浏览|点击|编辑|作者|\d{4}[-年/])/,
  },
  { name: '网页信息栏', pattern: /^(字号|【?字体)[:：]?\s*[【[]?大[】\]]?\s*[【[]?中[】\]]?\s*[【[]?小[】\]]?.*$/ },
  // "【打印】【关闭】", "【我要纠错】": only a page's own buttons; "【保障措施】" alone is a plan's heading.
  { name: '网页按钮', pattern: /^(【(?:打印|关闭|收藏|分享|返回|顶部|纠错|我要纠错|打印本页|关闭窗口|加入收藏|字体|大|中|小)[^】]{0,4}】\s*){1,6}$/ },
  { name: '网页按钮', pattern: /^(分享到|分享|打印|关闭|收藏|返回顶部|扫一扫.*|打印本页|关闭窗口|相关附件)[:：]?$/ },
  // A catalogue's list of attachment files (corpus 10): "## 附件（官方直链）", "- [e6e1….docx](https://…)".
  { name: '附件下载链接', pattern: /^附件[（(](官方)?直链[）)]$/ },
  { name: '附件下载链接', pattern: /^[-*]?\s*\[[^\]]+\.(docx?|pdf|wps|xlsx?|zip|rar)\]\((https?:)?[^)\s]+\)$/i },
  { name: '信息公开目录', pattern: /^(索引号|主题分类|发文机关|成文日期|有\s*效\s*性|公开方式|公开范围|信息分类)\s*[:：]/ },
  { name: '上下篇链接', pattern: /^(上一篇|下一篇|相关链接|相关文章|相关阅读|推荐阅读)\s*[:：]?.*$/ },
  { name: '网站链接', pattern: /^\S{2,12}(\s*[|｜]\s*\S{2,12}){1,}$/ },
  {
    name: '版权声明',
    // "本文仅代表作者观点,不代表本站立场。…"
    pattern: /^(本文仅代表作者观点|版权所有|Copyright|©|主办[:：]|承办[:：]|主办单位|技术支持|建议使用\d+).*$/i,
  },
  { name: '版权声明', pattern: /^.*(ICP备|公网安备|网站标识码|网站地图|隐私声明|联系我们).*$/ },
  { name: '页面地址', pattern: /^(本文地址|本文链接|原文链接|网址|链接)\s*[:：]\s*\S+$/ },
  { name: '页面地址', pattern: /^(https?:\/\/|www\.)\S+$/i },
  { name: '评论区', pattern: /^(留言与评论|发表评论|我要评论|网友评论|评论)(\s*[（(].*[）)])?[:：]?$/ },
  // A plan pasted from a WeChat article: its byline ("原创 青山生态环境 2024-06-05 18:30 发表于湖北"),
  // the editors' names, "- END -", and the buttons and calls under it.
  { name: '公众号文章', pattern: /^(原创\s+)?\S{2,20}(\s+\S{2,20})?\s+\d{4}-\d{2}-\d{2}(\s+\d{1,2}:\d{2})?(\s+发表于\S{2,6})?$/ },
  { name: '公众号文章', pattern: /^(编辑|审核|校对|排版|责编|责任编辑|美编|图片|素材来源)\s*[:：|丨]\s*\S{2,12}$/ },
  { name: '公众号文章', pattern: /^[-—\s]*END[-—\s]*$/i },
  { name: '公众号文章', pattern: /^(点击(上方)?(蓝字)?关注.*|阅读原文|(分享|收藏|点赞|在看|赞|转发)(\s*(分享|收藏|点赞|在看|赞|转发))*|长按(识别)?二维码.*|扫码关注.*|喜欢此内容的人还喜欢)$/ },
  { name: '评论区', pattern: /^(验证码|昵称|提交|登录|注册)\s*[:：]?\s*$/ },
];
