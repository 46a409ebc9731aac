import type { GenreProblemCode } from "@/lib/ingest/types";

/**
 * Templates of the problems the genre profiles added (issue 14), in both languages. They belong in
 * lib/i18n/workspace-messages.ts beside the others; they wait here while that file is being edited.
 */
export const genreProblemsZhHant = {
  numberingRepeated: "第 {line} 行的編號「{label}」與前一項重複（「{text}」）；已當作新的一項保留。",
  numberingSkipped: "第 {line} 行的編號「{label}」跳號，應為「{expected}」（「{text}」）；已當作下一項保留。",
  numberingOutOfOrder:
    "第 {line} 行的編號「{label}」順序錯亂，應為「{expected}」（「{text}」）；已當作下一項保留。",
  tableOfContentsSkipped: "第 {from}–{to} 行是目次（{entries} 項），未列入內容。",
  coverSkipped: "標題在第 {titleLine} 行；前面 {skipped} 行（封面、目次）未列入內容。",
  secondDocumentIgnored: "第 {line} 行起是另一份文件「{title}」，未匯入；請分開上傳。",
  visionsUnnamed: "第 {line} 行的願景「{text}」沒有共同的結尾，無法拆成各個願景，已略過。",
  budgetBookTotalMismatch:
    "預算表「{table}」（第 {line} 行）：各業務計畫合計 {sum}，與印出的總計 {total} 不符。",
  budgetBookKeyPointsMissing: "找不到「施政計畫重點」或「計畫重點」一節，未匯入重點。",
  budgetBookWorkPlanUnnamed: "預算表第 {line} 行科目「{code}」找不到名稱，已略過。",
  cityOther: "這是{city}的文件；可以預覽，但本平台只匯入高雄市的文件。",
  csvRowUnread: "第 {line} 行無法讀取（「{text}」），已略過。",
  twoDocumentsInOneFile:
    "一個檔案裡有兩份文件：第 {firstLine} 行「{first}」與第 {secondLine} 行「{second}」；請分開上傳。",
  genreWithoutStructure: "看起來是{genre}，但找不到{expected}。檔案開頭為「{found}」。",
  budgetBookNotImportable: "「{title}」是單位預算書：可以預覽，但資料庫還不能儲存預算書，未匯入。",
} satisfies Record<GenreProblemCode, string>;

export const genreProblemsEn = {
  numberingRepeated:
    'Line {line} repeats the number "{label}" of the item before it ("{text}"); kept as an item of its own.',
  numberingSkipped:
    'Line {line} is numbered "{label}" where "{expected}" was expected ("{text}"); kept as the next item.',
  numberingOutOfOrder:
    'Line {line} is numbered "{label}", out of order where "{expected}" was expected ("{text}"); kept as the next item.',
  tableOfContentsSkipped:
    "Lines {from}–{to} are a table of contents ({entries} entries), left out of the tree.",
  coverSkipped:
    "The title is on line {titleLine}; the {skipped} lines before it (cover, contents) were left out.",
  secondDocumentIgnored:
    'A second document, "{title}", starts on line {line}; it was not imported. Upload it separately.',
  visionsUnnamed:
    'The visions on line {line} ("{text}") share no common ending, so they could not be split; left out.',
  budgetBookTotalMismatch:
    "Budget table 「{table}」 (line {line}): the work plans add up to {sum} but the printed total is {total}.",
  budgetBookKeyPointsMissing: "No 施政計畫重點 / 計畫重點 section was found; no key points were read.",
  budgetBookWorkPlanUnnamed: 'Budget table line {line}: no name was found for the account "{code}"; skipped.',
  cityOther:
    "This is a document of {city}: it can be previewed, but this portal imports Kaohsiung's documents only.",
  csvRowUnread: 'Line {line} could not be read ("{text}"); skipped.',
  twoDocumentsInOneFile:
    'The file holds two documents: "{first}" (line {firstLine}) and "{second}" (line {secondLine}). Upload them separately.',
  genreWithoutStructure:
    'This looks like a {genreEn} ({genre}) but {expectedEn} ({expected}) was not found. The file begins "{found}".',
  budgetBookNotImportable:
    '"{title}" is a unit budget book: it can be previewed, but the database cannot store budget books yet, so it was not imported.',
} satisfies Record<GenreProblemCode, string>;
