import fc from "fast-check";

/**
 * Grammars of the city's document genres: each arbitrary produces a whole synthetic document and
 * what a correct parse must find in it. Shared by the parser's property tests (one place).
 */

export type GeneratedDocument = {
  genre: "council-report" | "department-plan" | "policy-outline" | "mid-term-plan" | "budget-book";
  text: string;
  /** Top-level sections (or key points / areas / work plans) in order. */
  sections: string[];
  /** For budget books: the printed expenditure total in 千元. */
  totalThousand?: number;
};

const FORMAL = ["壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖", "拾"];
const CJK = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
const WORDS = ["推動", "辦理", "加強", "精進", "建置", "擴大", "落實", "提升", "強化", "整合"];
const NOUNS = [
  "智慧治理",
  "公共服務",
  "道路養護",
  "社會福利",
  "環境品質",
  "文化觀光",
  "資訊安全",
  "城市行銷",
];
const AGENCIES = ["工務局", "社會局", "文化局", "交通局", "環境保護局", "經濟發展局", "研究發展考核委員會"];

const heading = fc
  .tuple(fc.constantFrom(...NOUNS), fc.constantFrom("業務", "工作", "計畫", "管理"))
  .map(([a, b]) => `${a}${b}`);
const sentence = fc
  .tuple(fc.constantFrom(...WORDS), fc.constantFrom(...NOUNS), fc.integer({ min: 2, max: 900 }))
  .map(([v, n, k]) => `${v}${n}相關工作，本期完成 ${k} 件，持續辦理並檢討執行成效。`);
const rocYear = fc.integer({ min: 95, max: 120 });

function distinctHeadings(min: number, max: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(heading, { minLength: min, maxLength: max });
}

export const councilReport: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    agency: fc.constantFrom(...AGENCIES),
    word: fc.constantFrom("業務報告", "施政報告", "工作報告", "專案報告"),
    year: rocYear,
    sections: distinctHeadings(2, 6),
    items: fc.array(sentence, { minLength: 1, maxLength: 3 }),
  })
  .map(({ agency, word, year, sections, items }) => ({
    genre: "council-report" as const,
    sections,
    text: [
      `高雄市政府${agency}${word}`,
      `日期：${year} 年 10 月 22 日`,
      "報告人：局長 王大明",
      "議長、副議長、各位議員女士、先生大家好：",
      `欣逢 貴會第 3 屆第 2 次定期大會開議，謹就本局 ${year} 年重要業務提出報告。`,
      ...sections.flatMap((s, i) => [`${FORMAL[i]}、${s}`, ...items.map((t, j) => `${CJK[j]}、${t}`)]),
      "敬祝",
      "大會圓滿成功",
    ].join("\n"),
  }));

export const departmentPlan: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    agency: fc.constantFrom(...AGENCIES),
    year: rocYear,
    form: fc.constantFrom("年度施政計畫提要", "年度施政計畫", "年度施政目標與重點"),
    points: fc.array(sentence, { minLength: 2, maxLength: 8 }),
  })
  .map(({ agency, year, form, points }) => ({
    genre: "department-plan" as const,
    sections: points,
    text: [
      `高雄市政府${agency}${year}${form}`,
      `本局依據市府施政方針，訂定${year}年度施政計畫，其重點如次：`,
      ...points.map((p, i) => `${CJK[i]}、${p}`),
    ].join("\n"),
  }));

export const policyOutline: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    year: rocYear,
    form: fc.constantFrom("年度施政綱要", "年施政綱要"),
    areas: fc.uniqueArray(
      fc.constantFrom("民政", "財政", "教育", "經濟發展", "工務", "社會", "勞工", "衛生"),
      {
        minLength: 2,
        maxLength: 8,
      },
    ),
    items: fc.array(sentence, { minLength: 1, maxLength: 3 }),
  })
  .map(({ year, form, areas, items }) => ({
    genre: "policy-outline" as const,
    sections: areas,
    text: [
      `高雄市政府${year}${form}`,
      "本府以「最愛生活在高雄」為施政總目標，推動各項建設。",
      "施政要項",
      ...areas.flatMap((a, i) => [`${CJK[i]}、${a}`, ...items.map((t, j) => `(${CJK[j]})${t}`)]),
    ].join("\n"),
  }));

/** 11-digit account numbers: 款 (…0000000), 項 (…0000), 目 (…00), 節. */
export const budgetBook: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    year: rocYear,
    unitYuan: fc.boolean(),
    plans: fc.uniqueArray(
      fc.constantFrom("一般行政", "工務行政", "道路橋梁工程", "主計業務", "社會福利服務"),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    amounts: fc.array(fc.integer({ min: 1, max: 900_000 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ year, unitYuan, plans, amounts }) => {
    const parts = plans.map((p, i) => ({ name: p, amount: amounts[i]! }));
    const total = parts.reduce((s, p) => s + p.amount, 0);
    const shown = (n: number) => (unitYuan ? n * 1000 : n).toLocaleString("en-US");
    const rows = parts.flatMap((p, i) => {
      const mu = `3202004${String(i + 1).padStart(2, "0")}00`;
      const jie = `3202004${String(i + 1).padStart(2, "0")}01`;
      return [
        `${String(i + 1).padStart(2, "0")}  ${mu}  ${shown(p.amount)}  ${shown(p.amount)}  -`,
        p.name,
        `01  ${jie}  ${shown(p.amount)}  ${shown(p.amount)}  -  本年度預算數如列數。`,
        `${p.name}管理`,
      ];
    });
    return {
      genre: "budget-book" as const,
      sections: plans,
      totalThousand: total,
      text: [
        "機關編號",
        `中 華 民 國 ${year} 年度`,
        "高雄市總預算案",
        "高雄市政府主計處單位預算",
        "高雄市政府主計處 編",
        "",
        "目 次",
        "一、預算總說明 第 1頁",
        "二、歲出預算表 第 8頁",
        "",
        "預 算 總 說 明",
        "三、本年度施政計畫重點：",
        "1.精進預算編審作業，審慎籌編總預算案。",
        "2.定期檢討各機關預算執行，促請各機關積極執行預算。",
        "",
        "歲出預算表",
        `中華民國${year}年度 單位：${unitYuan ? "新臺幣元" : "新臺幣千元"}`,
        "款 項 目節 名稱及編號 合計 經常門 資本門",
        `02  00020000000  ${shown(total)}  ${shown(total)}  -`,
        "高雄市政府主管",
        `003  00020040000  ${shown(total)}  ${shown(total)}  -`,
        "高雄市政府主計處",
        ...rows,
      ].join("\n"),
    };
  });

export const anyGenre = fc.oneof(councilReport, departmentPlan, policyOutline, budgetBook);

/** Transformations that must not change what is read. */
export const TRANSFORMS: Record<string, (text: string) => string> = {
  crlfBom: (t) => `\uFEFF${t.replaceAll("\n", "\r\n")}`,
  fullWidthDigits: (t) =>
    t.replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/ﾠ/gu, " "),
  tabsForSpaces: (t) => t.replace(/ {2,}/gu, "\t"),
  coverAndContents: (t) =>
    ["封 面", "", "目 次", "壹、前言 ........ 1", "貳、附錄 ........ 9", "", t].join("\n"),
};

/** Breaks every line longer than `width` characters at that width, as a PDF's text layer does. */
export function reflow(text: string, width: number): string {
  return text
    .split("\n")
    .flatMap((line) => {
      const chars = [...line];
      if (chars.length <= width) return [line];
      const out: string[] = [];
      // A PDF's wrapped line has no trailing space: in this project's text a trailing space is a hard break.
      for (let i = 0; i < chars.length; i += width)
        out.push(
          chars
            .slice(i, i + width)
            .join("")
            .trim(),
        );
      return out.filter((l) => l.length > 0);
    })
    .join("\n");
}

export const PAGE_NUMBER_STYLES: ReadonlyArray<(page: number) => string> = [
  (n) => `- ${n} -`,
  (n) => `第 ${n} 頁`,
  (n) => `011 - ${n}`,
  (n) => `02-004 - ${n}`,
  (n) => `${n}`,
  (n) => `— ${["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][(n - 1) % 10]} —`,
];

/**
 * Cuts the text into pages of `perPage` lines (never inside the opening `keep` lines), each page
 * after the first starting with `header` and ending with a page number in `style`, optionally
 * separated by form feeds.
 */
export function paginate(
  text: string,
  options: {
    perPage: number;
    header: string;
    style: (page: number) => string;
    formFeed: boolean;
    keep?: number;
  },
): string {
  const lines = text.split("\n");
  const keep = options.keep ?? 3;
  const out: string[] = lines.slice(0, keep);
  let page = 1;
  for (let i = keep; i < lines.length; i += options.perPage) {
    out.push(...lines.slice(i, i + options.perPage));
    if (i + options.perPage < lines.length) {
      out.push(options.style(page++), options.formFeed ? "\f" : "", options.header);
    }
  }
  return out.join("\n");
}

/** "壹、智慧治理業務" → "壹、智 慧 治 理 業 務": headings letter-spaced as printed on covers. */
export function letterSpaceHeadings(text: string): string {
  return text.replace(
    /^([壹貳參肆伍陸柒捌玖拾]、)([\u3400-\u9fff]{2,8})$/gmu,
    (_m, label: string, rest: string) => `${label}${[...rest].join(" ")}`,
  );
}

/** A department plan with its plan-to-budget crosswalk, cells separated by tabs or by runs of spaces. */
export const departmentPlanWithBudget: fc.Arbitrary<GeneratedDocument & { lines: Array<[string, number]> }> =
  fc
    .record({
      year: rocYear,
      separator: fc.constantFrom("\t", "  ", "   ", "\u3000\u3000"),
      unit: fc.constantFrom("千元", "新臺幣千元", "新臺幣元", "元"),
      rows: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom("一般行政", "事務管理", "文書業務", "國際事務", "採購業務"),
          item: fc.constantFrom("行政管理", "庶務管理", "文書管理", "國際交流", "採購管理"),
          amount: fc.integer({ min: 1, max: 500_000 }),
        }),
        { minLength: 1, maxLength: 5, selector: (r) => r.name },
      ),
    })
    .map(({ year, separator, unit, rows }) => {
      const sep = separator;
      const total = rows.reduce((s, r) => s + r.amount, 0);
      const printed = (n: number) => (unit.endsWith("千元") ? n : n * 1000).toLocaleString("en-US");
      return {
        genre: "department-plan" as const,
        sections: ["推動智慧治理", "提升服務品質"],
        lines: rows.map((r) => [r.name, r.amount] as [string, number]),
        text: [
          `高雄市政府秘書處 ${year} 年度施政計畫提要`,
          "一、推動智慧治理，提升行政效率。",
          "二、提升服務品質，落實為民服務。",
          `本處 ${year} 年度施政計畫與預算配合對照表及詳細計畫內容分列於後：`,
          `高雄市政府秘書處 ${year} 年度施政計畫與預算配合對照表`,
          ["類", "項", "預算來源及金額", "備考"].join(sep),
          ["", "", `主要預算(單位：${unit})`, ""].join("\t"),
          ...rows.map((r, i) => [`${"壹貳參肆伍"[i]}、${r.name}`, r.item, printed(r.amount)].join(sep)),
          ["合計", printed(total)].join(sep === "\t" ? "\t\t" : sep),
        ].join("\n"),
      };
    });
