import Link from "next/link";
import { zhHant as t } from "@/lib/i18n/messages";

export default function NotFound() {
  return (
    <section className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-bold text-civic-900">{t.notFound.heading}</h1>
      <p className="text-slate-700">{t.notFound.body}</p>
      <Link href="/" className="inline-block rounded bg-civic-700 px-4 py-2 text-white hover:bg-civic-900">
        {t.notFound.back}
      </Link>
    </section>
  );
}
