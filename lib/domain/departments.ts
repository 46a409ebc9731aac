/**
 * Canonical Kaohsiung City Government agencies and the names documents use for them.
 * The policy outline names policy areas (秘書事務, 民  政), reports and plans name agencies
 * (秘書處, 研考會): both resolve here. Kept in code, not a migration, so tests and the importer can
 * use it without a database; `syncDepartments` writes it to the database on start.
 */
export type CanonicalDepartment = {
  slug: string;
  nameZh: string;
  nameEn: string;
  aliases: readonly string[];
};

export const CANONICAL_DEPARTMENTS: readonly CanonicalDepartment[] = [
  { slug: "secretariat", nameZh: "秘書處", nameEn: "Secretariat", aliases: ["秘書事務"] },
  { slug: "civil-affairs", nameZh: "民政局", nameEn: "Civil Affairs Bureau", aliases: ["民政"] },
  {
    slug: "indigenous-affairs",
    nameZh: "原住民事務委員會",
    nameEn: "Indigenous Affairs Commission",
    aliases: ["原住民事務", "原民會"],
  },
  {
    slug: "hakka-affairs",
    nameZh: "客家事務委員會",
    nameEn: "Hakka Affairs Commission",
    aliases: ["客家事務", "客委會"],
  },
  { slug: "finance", nameZh: "財政局", nameEn: "Finance Bureau", aliases: ["財政"] },
  { slug: "education", nameZh: "教育局", nameEn: "Education Bureau", aliases: ["教育"] },
  {
    slug: "open-university",
    nameZh: "高雄市立空中大學",
    nameEn: "Open University of Kaohsiung",
    aliases: ["空中大學教育", "空中大學", "空大"],
  },
  { slug: "cultural-affairs", nameZh: "文化局", nameEn: "Cultural Affairs Bureau", aliases: ["文化"] },
  {
    slug: "economic-development",
    nameZh: "經濟發展局",
    nameEn: "Economic Development Bureau",
    aliases: ["經濟發展", "經發局"],
  },
  { slug: "agriculture", nameZh: "農業局", nameEn: "Agriculture Bureau", aliases: ["農業發展", "農業"] },
  { slug: "transportation", nameZh: "交通局", nameEn: "Transportation Bureau", aliases: ["交通"] },
  { slug: "marine", nameZh: "海洋局", nameEn: "Marine Bureau", aliases: ["海洋事務"] },
  { slug: "public-works", nameZh: "工務局", nameEn: "Public Works Bureau", aliases: ["工務"] },
  {
    slug: "water-resources",
    nameZh: "水利局",
    nameEn: "Water Resources Bureau",
    aliases: ["水利與水土保持", "水利"],
  },
  {
    slug: "urban-development",
    nameZh: "都市發展局",
    nameEn: "Urban Development Bureau",
    aliases: ["都市發展", "都發局"],
  },
  { slug: "tourism", nameZh: "觀光局", nameEn: "Tourism Bureau", aliases: ["觀光"] },
  {
    slug: "mass-rapid-transit",
    nameZh: "捷運工程局",
    nameEn: "Mass Rapid Transit Bureau",
    aliases: ["捷運工程", "捷運局"],
  },
  { slug: "social-affairs", nameZh: "社會局", nameEn: "Social Affairs Bureau", aliases: ["社政", "社會"] },
  { slug: "police", nameZh: "警察局", nameEn: "Police Department", aliases: ["警政"] },
  { slug: "fire", nameZh: "消防局", nameEn: "Fire Bureau", aliases: ["消防"] },
  { slug: "health", nameZh: "衛生局", nameEn: "Department of Health", aliases: ["衛生"] },
  {
    slug: "environmental-protection",
    nameZh: "環境保護局",
    nameEn: "Environmental Protection Bureau",
    aliases: ["環保", "環保局"],
  },
  { slug: "labor", nameZh: "勞工局", nameEn: "Labor Affairs Bureau", aliases: ["勞工"] },
  { slug: "land-administration", nameZh: "地政局", nameEn: "Land Administration Bureau", aliases: ["地政"] },
  { slug: "information", nameZh: "新聞局", nameEn: "Information Bureau", aliases: ["新聞"] },
  { slug: "military-service", nameZh: "兵役局", nameEn: "Military Service Bureau", aliases: ["役政"] },
  {
    slug: "budget-accounting-statistics",
    nameZh: "主計處",
    nameEn: "Budget, Accounting and Statistics Office",
    aliases: ["主計"],
  },
  { slug: "personnel", nameZh: "人事處", nameEn: "Personnel Office", aliases: ["人事"] },
  {
    slug: "civil-service-ethics",
    nameZh: "政風處",
    nameEn: "Civil Service Ethics Office",
    aliases: ["政風"],
  },
  { slug: "legal-affairs", nameZh: "法制局", nameEn: "Legal Affairs Bureau", aliases: ["法制"] },
  {
    slug: "research-development-evaluation",
    nameZh: "研究發展考核委員會",
    nameEn: "Research, Development and Evaluation Commission",
    aliases: ["研考", "研考會"],
  },
  {
    slug: "sports-development",
    nameZh: "運動發展局",
    nameEn: "Sports Development Bureau",
    aliases: ["運發局"],
  },
  { slug: "youth", nameZh: "青年局", nameEn: "Youth Bureau", aliases: [] },
  { slug: "drug-prevention", nameZh: "毒品防制局", nameEn: "Drug Prevention Bureau", aliases: ["毒防局"] },
];

const CITY_PREFIXES = ["高雄市政府", "高雄市"];

/** Collapse the spacing PDFs put inside short names ("民  政") and drop the city prefix. */
export function normaliseDepartmentName(name: string): string {
  let n = name.normalize("NFKC").replace(/\s+/gu, "");
  for (const prefix of CITY_PREFIXES) {
    if (n.startsWith(prefix) && n.length > prefix.length) n = n.slice(prefix.length);
  }
  return n;
}

const byName = new Map<string, CanonicalDepartment>();
for (const dept of CANONICAL_DEPARTMENTS) {
  for (const name of [dept.nameZh, ...dept.aliases]) byName.set(normaliseDepartmentName(name), dept);
}

/** The canonical department a printed name refers to, or undefined when it names none we know. */
export function findCanonicalDepartment(printedName: string): CanonicalDepartment | undefined {
  return byName.get(normaliseDepartmentName(printedName));
}

/**
 * The canonical department named somewhere inside a longer text, e.g. a title
 * "高雄市政府秘書處 107 年度施政計畫提要". Longest names first so 研究發展考核委員會 beats 研考.
 */
export function findDepartmentInText(text: string): CanonicalDepartment | undefined {
  const compact = text.normalize("NFKC").replace(/\s+/gu, "");
  const names = [...byName.keys()].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
  const hit = names.find((n) => compact.includes(n));
  return hit ? byName.get(hit) : undefined;
}
