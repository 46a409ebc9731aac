import type { LogicalLine } from "./normalise";
import { parseNumberLabel } from "./numbering";
import type { AnyDocumentKind } from "./types";

/**
 * One named profile per genre: what its title says, what structure proves it, and what the
 * extractor expects. Detection (detect.ts) reads the title words and, when the title is not at the
 * top (a cover, a garbled cover, a table of contents before it), also the structure; extractors
 * read the rest. See docs/decisions/013-document-genres.md.
 */
export type GenreProfile = {
  /** Stable name, e.g. "council-report"; the dry run prints it as `genre`. */
  id: string;
  kind: AnyDocumentKind;
  nameZh: string;
  nameEn: string;
  /** Title wording, tested on a line without spaces. Group 1 (and 2) hold the ROC years when present. */
  title: RegExp;
  /** Structure that must follow a title found below the top of the file (evidence beyond wording). */
  structure: (body: readonly LogicalLine[]) => boolean;
  /** What `structure` looks for, for refusals. */
  expectedZh: string;
  expectedEn: string;
};

const YEAR = "([○〇零一二三四五六七八九十\\d]{2,5})";
const RANGE = "(?:至|到|-|~|—|–|－)";

function compact(s: string): string {
  return s.replace(/\s+/gu, "");
}

/** At least `n` numbered lines of the given systems. */
function numbered(body: readonly LogicalLine[], systems: readonly string[], n: number): boolean {
  let count = 0;
  for (const l of body) {
    if (l.kind === "table") continue;
    const label = parseNumberLabel(l.text);
    if (label && systems.includes(label.system) && ++count >= n) return true;
  }
  return false;
}

const TOP = ["formal", "cjk"];

export const COUNCIL_REPORT: GenreProfile = {
  id: "council-report",
  kind: "council-report",
  nameZh: "議會報告（業務報告／施政報告／工作報告／專案報告）",
  nameEn: "council report",
  title: /(?:業務|施政|工作|專案)報告|報告人[:：]/u,
  structure: (body) => numbered(body, TOP, 2),
  expectedZh: "編號的章節（壹、或一、）",
  expectedEn: "numbered sections (壹、 or 一、)",
};

export const DEPARTMENT_PLAN: GenreProfile = {
  id: "department-plan",
  kind: "department-plan",
  nameZh: "施政計畫（施政計畫提要／年度施政計畫／施政目標與重點）",
  nameEn: "department plan",
  title: new RegExp(
    `${YEAR}年度施政(?:計畫(?:提要|與預算配合對照表)?|目標與重點)|施政目標與重點|^(?!.*中程).{0,20}施政計畫$`,
    "u",
  ),
  structure: (body) => numbered(body, [...TOP, "arabic", "paren-cjk"], 2),
  expectedZh: "編號的施政重點或預算表",
  expectedEn: "numbered key points or a budget table",
};

export const POLICY_OUTLINE: GenreProfile = {
  id: "policy-outline",
  kind: "policy-outline",
  nameZh: "施政綱要",
  nameEn: "policy outline",
  title: new RegExp(`${YEAR}年度?.{0,40}?施政綱要`, "u"),
  structure: (body) => numbered(body, TOP, 2),
  expectedZh: "編號的施政要項（一、秘書事務 …）",
  expectedEn: "numbered policy areas (一、秘書事務 …)",
};

export const MID_TERM_PLAN: GenreProfile = {
  id: "mid-term-plan",
  kind: "mid-term-plan",
  nameZh: "中程施政計畫",
  nameEn: "mid-term plan",
  title: new RegExp(
    `${YEAR}年?度?${RANGE}${YEAR}年度?中程施政計畫|中程施政計畫[(（]?${YEAR}年?度?${RANGE}${YEAR}年?度?`,
    "u",
  ),
  structure: (body) => numbered(body, [...TOP, "arabic", "paren-cjk"], 2),
  expectedZh: "含編號推動策略的施政願景",
  expectedEn: "visions with numbered strategies",
};

/** 歲出 rows of a budget book: "01 32020040100 190,179 …" (a level number, an 11-digit account). */
export const BUDGET_ACCOUNT_ROW = /^(\d{2,3})\s+(\d{11})\s+(-?[\d,]+|-)(?:\s|$)/u;

export const BUDGET_BOOK: GenreProfile = {
  id: "budget-book",
  kind: "budget-book",
  nameZh: "預算書（單位預算／單位預算案／法定預算／總預算）",
  nameEn: "budget book",
  title: /單位預算案?|法定預算|總預算.{0,12}歲出機關別預算表|歲出機關別預算表/u,
  structure: (body) =>
    body.some((l) => /歲出(?:機關別)?預算表/u.test(compact(l.text))) &&
    body.some((l) => BUDGET_ACCOUNT_ROW.test(l.text)),
  expectedZh: "歲出預算表（科目編號與金額的列）",
  expectedEn: "an expenditure table (歲出預算表, rows of account numbers and amounts)",
};

/** In the order ties are broken when two titles start at the same place. */
export const GENRE_PROFILES: readonly GenreProfile[] = [
  MID_TERM_PLAN,
  POLICY_OUTLINE,
  DEPARTMENT_PLAN,
  BUDGET_BOOK,
  COUNCIL_REPORT,
];

export function profileOf(kind: AnyDocumentKind): GenreProfile {
  return GENRE_PROFILES.find((p) => p.kind === kind)!;
}

/**
 * A table-of-contents entry: a heading with dot leaders, or a heading followed by a page number
 * ("壹、前言 3", "歲出預算表 第 8頁", "一、預算總說明 ……… 1"). Not a sentence, not a table row.
 */
export function isContentsEntry(text: string): boolean {
  const t = text.trim();
  if (t.length > 80) return false;
  if (/(?:\.{3,}|…{2,}|‧{3,}|·{3,}|－{3,})\s*(?:第\s*)?\d{0,4}\s*頁?\s*$/u.test(t)) return true;
  const m = /^(.*[\u3400-\u9fff）)])\s+(?:第\s*)?(\d{1,3})\s*頁?$/u.exec(t);
  return m !== null && !/[。，；：:]/u.test(m[1]!) && m[1]!.replace(/\s+/gu, "").length <= 40;
}

export const CONTENTS_HEADING = /^(?:總)?目\s*(?:次|錄)$|^(?:總)?目次$/u;

/** The city a document names itself by: the first "…市政府" / "…市" of its opening. */
export function cityOf(text: string): string | null {
  const m = /(臺北|台北|新北|桃園|臺中|台中|臺南|台南|高雄|基隆|新竹|嘉義)市/u.exec(compact(text));
  if (!m) return null;
  return `${m[1]!.replace("台", "臺")}市`;
}
