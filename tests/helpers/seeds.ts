/** The seed files and, for each, the boilerplate a reader must not see (named by hand). */
import { readdirSync } from 'node:fs';

export const seedFiles = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();

export const seedBoilerplate: Record<string, string[]> = {
  '001_52c696e0c1a57de1.txt': [
    'XX投资区深入打好污染防治攻坚战实施方案.docx', '资源ID:174391', '资源大小:23.06KB', '全文页数:22页',
    '- 资源格式: DOCX', '下载积分:5金币', '友情提示',
    '2、PDF文件下载后,可能会被浏览器默认打开,此种情况可以点击浏览器菜单,保存网页到桌面,就可以正常下载了。',
    '3、本站不支持迅雷下载,请使用电脑自带的IE浏览器,或者360浏览器、谷歌浏览器下载即可。',
    '4、本站资源下载后的文档和图纸-无水印,预览文档经过压缩,下载后原文更清晰。',
    '5、试题试卷类文档,如果标题没有明确说明有答案则都视为没有答案,请知晓。',
  ],
  '003_a2480e753add8a33.txt': [
    '导航菜单',
    '本文仅代表作者观点,不代表本站立场。 凡注明为博县网原创作品的,未经许可,不得转载;报告、公报、规划等总结类或文件类信息,本站展示并非全部都完整,为了您更加全面、更有实效的查询学习,建议您到相关地区政府官网浏览或下载完整版本;源于网络的作品,若对您造成了侵权,请联系本站,我们会第一时间予以处理。',
    '本文地址:/guihua/huadong/8764.html', '留言与评论(共有 条评论)', '验证码:',
  ],
  '004_eca488feed549976.txt': ['(下转第五版)'],
};

/** Passages printed twice, as printed; the copy spliced into the wrong paragraph is the first. */
export const seedDuplicates: Record<string, string[]> = {
  '004_eca488feed549976.txt': [
    '加强应急水源或备用井水源地保护工作。定期监(检)测、评估集中式饮用水水源、供水单位供水和用户水龙头水质状况,各县(市)及市本级至少每季度向社会公开一次。强化南水北调中线沿线生态环境保护,保障“一渠清水永续北送”。',
  ],
};
