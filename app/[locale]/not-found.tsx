import { InterruptMessage, type InterruptText } from "@/components/interrupt-message";
import { en, type Messages, zhHant } from "@/lib/i18n/messages";

const textOf = (t: Messages): InterruptText => ({
  heading: t.notFound.heading,
  body: t.notFound.body,
  links: [
    { href: "/", label: t.notFound.back },
    { href: "/plans", label: t.nav.plans },
    { href: "/departments", label: t.nav.departments },
  ],
});

export default function NotFound() {
  return <InterruptMessage text={{ "zh-Hant": textOf(zhHant), en: textOf(en) }} />;
}
