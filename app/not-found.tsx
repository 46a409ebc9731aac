import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <section className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-bold text-civic-900">{t.notFound.heading}</h1>
      <p className="text-slate-700">{t.notFound.body}</p>
      <p className="flex flex-wrap justify-center gap-3">
        <Link href="/" className="inline-block rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900">
          {t.notFound.back}
        </Link>
        <Link href="/plans" className="inline-block rounded border border-civic-700 px-4 py-2 text-civic-700">
          {t.nav.plans}
        </Link>
        <Link
          href="/departments"
          className="inline-block rounded border border-civic-700 px-4 py-2 text-civic-700"
        >
          {t.nav.departments}
        </Link>
      </p>
    </section>
  );
}
