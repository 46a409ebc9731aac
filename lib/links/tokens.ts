/**
 * Turning a node's Chinese text into comparable terms. Chinese is written without spaces and a word
 * segmenter would be a heavy dependency, so terms are overlapping character bigrams (捷運路網 → 捷運,
 * 運路, 路網) plus whole Latin words (AI, BRT, MeNGo); across hundreds of nodes the bigrams that are
 * real words carry the weight and the accidental ones rarely match anything.
 */

/**
 * Ways the city writes one thing: mapped to a single spelling first so that a 2013 item and a 2023
 * strategy that use different words for it still share terms. Kept small on purpose; each entry is
 * a synonym or abbreviation seen in the seed documents, not a topic list.
 */
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/臺/gu, "台"],
  [/提昇/gu, "提升"],
  [/長期照(?:顧|護)/gu, "長照"],
  [/(?:老人|長者|長輩|老年人)/gu, "長輩"],
  [/大眾捷運/gu, "捷運"],
  [/公共運輸/gu, "大眾運輸"],
  [/社會住宅/gu, "社宅"],
  [/溫室氣體|碳排放?|減碳/gu, "碳排"],
  [/空氣品質/gu, "空品"],
];

/**
 * Words that say how (推動, 加強, 辦理 …) or where (本市, 高雄 …) rather than what: in this city's
 * plans almost every sentence has some, so they would make everything look alike. They are cut out
 * before bigrams are formed, so they also leave no half-word bigrams (推動捷運 → 動捷) behind.
 * Common words not listed here are still damped by their document frequency (see similarity.ts).
 */
const STOP_WORDS: readonly string[] = [
  "推動",
  "加強",
  "持續",
  "辦理",
  "提升",
  "計畫",
  "本市",
  "本府",
  "市府",
  "高雄",
  "市民",
  "民眾",
  "積極",
  "落實",
  "強化",
  "透過",
  "以及",
  "相關",
  "各項",
  "賡續",
  "配合",
  "建置",
  "建立",
  "建構",
  "打造",
  "規劃",
  "協助",
  "提供",
  "達成",
  "促進",
  "有效",
  "完善",
  "整合",
  "業務",
  "進行",
  "結合",
  "擴大",
  "增加",
  "逐步",
  "致力",
  "並將",
  "另將",
  "同時",
  "以利",
  "發展",
  "優化",
  "設置",
  "增設",
];

const STOP_PATTERN = new RegExp(STOP_WORDS.join("|"), "gu");
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z]{2,}/gu;

/** NFKC (the seeds write thousands of characters as compatibility ideographs), lower case, one spelling. */
export function normaliseForMatching(text: string): string {
  let s = text.normalize("NFKC").toLowerCase();
  for (const [pattern, spelling] of SPELLINGS) s = s.replace(pattern, spelling);
  return s.replace(STOP_PATTERN, " ");
}

/** Every bigram of a run of Han characters; a lone character says too little to match on. */
function bigrams(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * The terms of a text, with repeats (the caller counts them). Punctuation, digits and whitespace
 * break runs, so no bigram spans a comma.
 */
export function terms(text: string): string[] {
  const s = normaliseForMatching(text);
  const han = Array.from(s.matchAll(HAN_RUN), (m) => m[0]).flatMap(bigrams);
  const latin = Array.from(s.matchAll(LATIN_WORD), (m) => m[0]);
  return [...han, ...latin];
}
