/**
 * Interface text. Traditional Chinese is the default; English follows in the portal issue.
 * Content (document text, department names) stays as published.
 */
export const zhHant = {
  siteName: "高雄市政追蹤",
  siteTagline: "市府的承諾、預算與成果，一次看清楚",
  skipToContent: "跳至主要內容",
  nav: { home: "首頁" },
  footer: {
    source: "資料來源：高雄市政府施政綱要、中程施政計畫、施政計畫提要及議會業務報告。",
    unofficial: "本網站整理公開文件，內容以市府公布之原始文件為準。",
  },
  home: {
    documentsHeading: "已收錄的市政文件",
    documentsIntro: "下列文件皆由市府公開的 PDF 轉出文字後匯入，可追溯至原文行號。",
    kind: "類型",
    title: "文件",
    period: "年度",
    department: "機關",
    cityWide: "市府整體",
    empty: "目前尚未匯入任何文件。",
  },
  notFound: {
    heading: "找不到這個頁面",
    body: "網址可能有誤，或該資料已更新。您可以回到首頁瀏覽所有文件。",
    back: "回到首頁",
  },
  error: {
    heading: "發生錯誤",
    body: "頁面暫時無法顯示，請稍後再試。若問題持續，請告訴我們。",
    retry: "重試",
  },
  loading: "載入中…",
} as const;

export type Messages = typeof zhHant;
