import { notFound } from "next/navigation";

/** Any address no page matches: the localised 404 (Next only renders not-found.tsx for a segment). */
export default function MissingPage(): never {
  notFound();
}
