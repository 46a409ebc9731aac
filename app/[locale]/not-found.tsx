import { NotFoundMessage, type NotFoundText } from "@/components/not-found-message";
import { en, type Messages, zhHant } from "@/lib/i18n/messages";

const textOf = (t: Messages): NotFoundText => ({
  ...t.notFound,
  plans: t.nav.plans,
  departments: t.nav.departments,
});

export default function NotFound() {
  return <NotFoundMessage text={{ "zh-Hant": textOf(zhHant), en: textOf(en) }} />;
}
