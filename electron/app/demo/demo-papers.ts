import { BlobStore } from '../approvals/blob-store.js';
import { PdfWriter } from '../pdf/layout.js';

/** An attachment the demo's cases carry: a PDF already in the blob store. */
export interface DemoPaper {
  name: string;
  sha256: string;
  size: number;
  pages: number;
}

interface PaperPlan {
  name: string;
  title: string;
  pages: { heading: string; lines: string[] }[];
}

/** What a town attaches to each document type (by its code in demo-approvals-plan.ts). */
const papers: Record<string, PaperPlan> = {
  SHISHUTSU: {
    name: '見積書.pdf',
    title: '御見積書',
    pages: [
      {
        heading: '御見積書',
        lines: [
          '北広島町長 様',
          '下記のとおり御見積申し上げます。',
          '件名: 物品購入・役務の提供',
          '1. 品名・数量・単価は別紙内訳のとおり',
          '2. 納入場所: 北広島町役場 指定場所',
          '3. 納入期限: 契約締結の日から30日以内',
          '4. 見積有効期限: 見積日から60日',
          '合計金額（消費税及び地方消費税を含む）は伺い文のとおり',
        ],
      },
      { heading: '内訳書', lines: ['項目 / 数量 / 単位 / 単価 / 金額', '本体 / 1 / 式 / — / —', '設置・調整費 / 1 / 式 / — / —', '諸経費 / 1 / 式 / — / —', '小計・消費税・合計は1ページ目のとおり'] },
    ],
  },
  KEIYAKU: {
    name: '契約書（案）.pdf',
    title: '契約書（案）',
    pages: [
      { heading: '契約書（案）', lines: ['発注者 北広島町（以下「甲」という。）と受注者（以下「乙」という。）は、次の条項により契約を締結する。', '第1条（目的）乙は、甲の指示に従い、別記仕様書に基づき業務を履行する。', '第2条（契約金額）契約金額は伺い文記載のとおりとする。', '第3条（履行期間）契約締結の日から年度末までとする。'] },
      { heading: '第4条以下', lines: ['第4条（契約保証金）免除する。', '第5条（権利義務の譲渡の禁止）乙は、この契約により生ずる権利又は義務を第三者に譲渡してはならない。', '第6条（検査及び引渡し）甲は、履行完了の通知を受けた日から10日以内に検査を行う。', '第7条（支払）甲は、適法な請求書を受理した日から30日以内に支払う。'] },
      { heading: '仕様書', lines: ['1. 業務の概要', '2. 履行場所 北広島町内', '3. 提出書類 業務計画書、完了報告書', '4. その他 疑義が生じた場合は甲乙協議のうえ定める。'] },
    ],
  },
  KAITO: {
    name: '回答書（案）.pdf',
    title: '照会に対する回答（案）',
    pages: [{ heading: '照会に対する回答について', lines: ['令和 年 月 日付けで照会のありました標記の件について、下記のとおり回答します。', '記', '1. 照会事項に対する回答 別紙のとおり', '2. 担当 北広島町役場 担当課', '（問合せ先）電話 0826-72-XXXX'] }],
  },
  REIKI: {
    name: '新旧対照表.pdf',
    title: '新旧対照表',
    pages: [
      { heading: '北広島町〇〇条例の一部を改正する条例 新旧対照表', lines: ['改正後 / 改正前', '第1条 この条例は、… / 第1条 この条例は、…', '第2条 町長は、電子的方法により… / 第2条 町長は、書面により…', '附則 この条例は、公布の日から施行する。'] },
      { heading: '改正理由', lines: ['行政手続のデジタル化を推進し、書面による手続を見直すため、所要の改正を行う。', '（参考）北広島町DX推進計画 行動計画1 ペーパーレス化の推進'] },
    ],
  },
  HOJOKIN: {
    name: '交付申請書.pdf',
    title: '補助金交付申請書',
    pages: [
      { heading: '補助金交付申請書', lines: ['北広島町長 様', '北広島町補助金等交付規則第3条の規定により、関係書類を添えて申請します。', '1. 補助事業の名称', '2. 補助事業の目的及び内容', '3. 交付申請額 伺い文のとおり', '4. 添付書類 事業計画書、収支予算書'] },
      { heading: '収支予算書', lines: ['収入の部: 町補助金 / 自己資金', '支出の部: 事業費 / 事務費', '合計は収入・支出とも同額とする。'] },
    ],
  },
  KOHO: {
    name: '広報原稿.pdf',
    title: '広報きたひろしま 掲載原稿',
    pages: [{ heading: '広報きたひろしま 掲載原稿', lines: ['【お知らせ】', '町からのお知らせを掲載します。', '日時・場所・申込方法は本文のとおり。', '問合せ先 北広島町役場 担当課', '※写真・図版は別途データで提出'] }],
  },
  KYUKA: {
    name: '休暇届.pdf',
    title: '休暇届',
    pages: [{ heading: '休暇届', lines: ['所属: ', '氏名: ', '休暇の種類: 年次休暇', '期間: 伺い文のとおり', '事由: 私用のため'] }],
  },
};

/**
 * One PDF per document type, written with the app's Japanese font and kept in
 * the blob store, for the demo's cases to carry: so the case page of the demo
 * shows a document to read, as a real town's would.
 */
export async function makeDemoPapers(blobDir: string, now: number): Promise<Map<string, DemoPaper>> {
  const blobs = new BlobStore(blobDir);
  const out = new Map<string, DemoPaper>();
  for (const [code, plan] of Object.entries(papers)) {
    const w = await PdfWriter.create({ title: plan.title, author: '北広島町', createdAt: now });
    plan.pages.forEach((page, i) => {
      if (i > 0) w.newPage();
      w.heading(page.heading, { size: 16 });
      w.space(8);
      for (const line of page.lines) {
        w.paragraph(line, { size: 11 });
        w.space(6);
      }
    });
    const bytes = await w.doc.save();
    const sha256 = await blobs.put(bytes);
    out.set(code, { name: plan.name, sha256, size: bytes.length, pages: plan.pages.length });
  }
  return out;
}
