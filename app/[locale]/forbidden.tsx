import { InterruptMessage, type InterruptText } from "@/components/interrupt-message";
import { en, type Messages, zhHant } from "@/lib/i18n/messages";

const textOf = (t: Messages): InterruptText => ({
  heading: t.workspace.forbidden.heading,
  body: t.workspace.forbidden.body,
  links: [
    { href: "/staff", label: t.workspace.forbidden.back },
    { href: "/", label: t.notFound.back },
  ],
});

/** 403: signed in, but this page or write belongs to someone else (see lib/auth/permissions.ts). */
export default function Forbidden() {
  return <InterruptMessage text={{ "zh-Hant": textOf(zhHant), en: textOf(en) }} />;
}
