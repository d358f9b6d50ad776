/**
 * Traditional → simplified characters seen in the headers, labels and phrases of 自评表 published in
 * traditional script (e.g. a web page converted for Hong Kong or Taiwan readers). Used only to match header
 * texts, row labels and phrase lists: the cells themselves are kept as written.
 */
export const TRADITIONAL_PAIRS =
  "績绩標标級级稱称際际實实預预數数執执資资總总額额單单經经費费項项價价評评質质時时滿满務务對对準准規规則则說说" +
  "備备註注計计劃划體体測测撥拨結结轉转當当門门導导關关會会開开後后與与為为發发確确產产濟济環环態态續续響响調调" +
  "權权審审覈核報报證证據据況况優优較较類类別别屬属負负責责簽签填填聯联繫系電电話话號号碼码獲获減减節节約约" +
  "營营養养學学習习醫医療疗險险務务監监獎奖勵励補补貼贴額额億亿萬万元元頁页説说註注狀状態态應应達达議议決决範范" +
  "衛卫驗验讓让顯显著著維维護护歲岁齡龄農农業业區区縣县鄉乡鎮镇鐵铁電电車车場场饋馈滅灭紀纪錄录檔档" +
  "內内個个驛驿寧宁認认織织組组動动們们進进處处辦办傳传網网樣样問问蓋盖興兴曉晓層层設设線线運运輸输購购買买賣卖藥药災灾糧粮種种漁渔園园綠绿廁厕潔洁無无戶户貧贫幫帮齊齐職职員员訓训練练課课書书圖图館馆檢检讀读寫写眾众長长遠远揮挥邊边舊旧錢钱財财貸贷擔担專专餘余虧亏損损歸归還还債债廢废氣气汙污淨净穩稳診诊級级覆覆題题";

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) MAP.set(TRADITIONAL_PAIRS[i]!, TRADITIONAL_PAIRS[i + 1]!);

const ANY = new RegExp(`[${[...MAP.keys()].filter((k) => MAP.get(k) !== k).join("")}]`);

/**
 * Pinyin a page added after a character (數(shù), 預(yù)算: a converter's reading aid), tone-marked so that a unit in
 * brackets (长度(km)) is never taken for it.
 */
const PINYIN = /([\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\)/g;

/** The text with the traditional characters above written in simplified form, and pinyin after a character left out. */
export function toSimplified(written: string): string {
  // (A name given as a number through the library API is matched as its text.)
  const text = typeof written === "string" ? written : String(written ?? "");
  const s = text.includes("(") ? text.replace(PINYIN, "$1") : text;
  if (!ANY.test(s)) return s;
  let out = "";
  let changed = false;
  for (const ch of s) {
    const m = MAP.get(ch);
    if (m !== undefined && m !== ch) changed = true;
    out += m ?? ch;
  }
  return changed ? out : s;
}
