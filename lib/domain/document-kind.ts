import type { DocumentKind } from "@/lib/generated/prisma/enums";

/** Public names of document kinds, used in URLs, the API and the import CLI's JSON. */
export const DOCUMENT_KIND_SLUGS = [
  "policy-outline",
  "mid-term-plan",
  "department-plan",
  "council-report",
] as const;
export type DocumentKindSlug = (typeof DOCUMENT_KIND_SLUGS)[number];

const toDb: Record<DocumentKindSlug, DocumentKind> = {
  "policy-outline": "policy_outline",
  "mid-term-plan": "mid_term_plan",
  "department-plan": "department_plan",
  "council-report": "council_report",
};

export function kindToDb(slug: DocumentKindSlug): DocumentKind {
  return toDb[slug];
}

export function kindFromDb(kind: DocumentKind): DocumentKindSlug {
  return kind.replaceAll("_", "-") as DocumentKindSlug;
}

export const DOCUMENT_KIND_LABELS: Record<DocumentKindSlug, { zh: string; en: string }> = {
  "policy-outline": { zh: "施政綱要", en: "Policy outline" },
  "mid-term-plan": { zh: "中程施政計畫", en: "Mid-term plan" },
  "department-plan": { zh: "施政計畫提要", en: "Department plan" },
  "council-report": { zh: "議會業務報告", en: "Council report" },
};
