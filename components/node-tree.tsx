import Link from "next/link";
import type { TreeOf } from "@/lib/domain/tree";
import type { DocumentNode } from "@/lib/queries/documents";
import type { Messages } from "@/lib/i18n/messages";

export function sourceHref(documentId: number, lineFrom: number, lineTo: number): string {
  return `/documents/${documentId}/source?from=${lineFrom}&to=${lineTo}#L${lineFrom}`;
}

function NodeLinks({ node, documentId, t }: { node: TreeOf<DocumentNode>; documentId: number; t: Messages }) {
  return (
    <Link
      href={sourceHref(documentId, node.lineFrom, node.lineTo)}
      className="ml-2 text-xs whitespace-nowrap text-slate-600 underline"
    >
      {t.document.sourceLines(node.lineFrom, node.lineTo)}
    </Link>
  );
}

const headingOf = (node: DocumentNode) => {
  const heading = node.title ?? node.text;
  return heading.length > 160 ? `${heading.slice(0, 160)}…` : heading;
};

/**
 * A document's tree: sections collapse (native <details>, no JavaScript needed), every node has an
 * anchor (#n-123) and links to its own page and its source lines. A <summary> may not contain
 * links (nested interactive controls), so a section's links open the section's content.
 */
export function NodeTree({
  nodes,
  documentId,
  t,
}: {
  nodes: TreeOf<DocumentNode>[];
  documentId: number;
  t: Messages;
}) {
  return (
    <ul className="space-y-1">
      {nodes.map((node) => (
        <li key={node.id} id={`n-${node.id}`} className="scroll-mt-4">
          {node.children.length > 0 ? (
            <details open>
              <summary className="cursor-pointer py-0.5 marker:text-civic-600">
                {node.numberLabel && (
                  <span className="mr-1 font-semibold text-civic-900">{node.numberLabel}</span>
                )}
                <span className="font-medium">{headingOf(node)}</span>
                {node.retired && <span className="ml-2 text-xs text-rose-800">（{t.document.retired}）</span>}
              </summary>
              <div className="ml-3 border-l border-slate-200 pl-3">
                <p className="text-sm">
                  <Link href={`/nodes/${node.id}`} className="text-civic-700 underline">
                    {t.nodeKinds[node.kind]}：{node.numberLabel ?? ""}
                    {(node.title ?? node.text).slice(0, 24)}
                  </Link>
                  <NodeLinks node={node} documentId={documentId} t={t} />
                </p>
                <NodeTree nodes={node.children} documentId={documentId} t={t} />
              </div>
            </details>
          ) : (
            <div className="py-0.5 pl-4">
              {node.numberLabel && (
                <span className="mr-1 font-semibold text-civic-900">{node.numberLabel}</span>
              )}
              <Link
                href={`/nodes/${node.id}`}
                className="text-slate-900 hover:text-civic-700 hover:underline"
              >
                {headingOf(node)}
              </Link>
              {node.retired && <span className="ml-2 text-xs text-rose-800">（{t.document.retired}）</span>}
              <NodeLinks node={node} documentId={documentId} t={t} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
