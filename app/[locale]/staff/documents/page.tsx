import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { DocumentUpload } from "@/components/document-upload";
import { requireUser } from "@/lib/auth/guard";
import { UPLOAD_LIMITS } from "@/lib/import/upload";
import { getI18n } from "@/lib/i18n/server";
import { uploadAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getI18n(params)).t.workspace.upload.heading, robots: { index: false } };
}

export default async function UploadPage({ params }: Props) {
  const { t } = await getI18n(params);
  await requireUser("/staff/documents", { action: "staff.workspace" });
  const u = t.workspace.upload;
  return (
    <>
      <Breadcrumbs
        label={t.breadcrumb}
        crumbs={[
          { href: "/", label: t.nav.home },
          { href: "/staff", label: t.workspace.staff.heading },
          { label: u.heading },
        ]}
      />
      <h1 className="text-2xl font-bold text-civic-900">{u.heading}</h1>
      <p className="mt-1 mb-6 text-slate-700">{u.intro}</p>
      <DocumentUpload action={uploadAction} maxBytes={UPLOAD_LIMITS.bytes} t={u} kinds={t.kinds} />
    </>
  );
}
