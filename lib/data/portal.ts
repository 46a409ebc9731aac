import "server-only";
import * as budgets from "@/lib/queries/budgets";
import * as demo from "@/lib/queries/demo";
import * as departments from "@/lib/queries/departments";
import * as documents from "@/lib/queries/documents";
import * as feed from "@/lib/queries/feed";
import * as health from "@/lib/queries/health";
import * as home from "@/lib/queries/home";
import * as items from "@/lib/queries/items";
import * as lights from "@/lib/queries/lights";
import * as nodes from "@/lib/queries/nodes";
import { publicRead } from "./public-read";

/**
 * The public portal's reads (lib/queries on the server's database). Pages reach most of them
 * through the tagged cache in lib/cache/public-reads.ts; routes that stream or export call them here.
 */
export const getHomeDashboard = publicRead(home.getHomeDashboard);
export const listDocuments = publicRead(documents.listDocuments);
export const getDocumentPage = publicRead(documents.getDocumentPage);
export const getDocumentSource = publicRead(documents.getDocumentSource);
export const getNodePage = publicRead(nodes.getNodePage);
export const listDepartments = publicRead(departments.listDepartments);
export const getDepartmentPage = publicRead(departments.getDepartmentPage);
export const getBudgetExplorer = publicRead(budgets.getBudgetExplorer);
export const listItems = publicRead(items.listItems);
export const listSetThresholds = publicRead(lights.listSetThresholds);
export const hasDemoData = publicRead(demo.hasDemoData);
export const listProgressUpdates = publicRead(feed.listProgressUpdates);
/** Never throws: reports the database as down instead. */
export const getHealth = publicRead(health.getHealth);
